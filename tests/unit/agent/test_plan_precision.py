"""Issue 12's hunt for wrong auto-applied mappings, on small CSVs written here: the classes of column the matcher
applied to a field it does not hold (another person's value, an actor's 'by', a role over names for a yes/no field,
values of the field's kind under a header naming something else, one address part from another address, a header
holding two fields' words, a bare 'Name' of people for a deal, an enum's name over other states), each asked or left
out, and their near neighbours, which must still map. Asserts what the user sees in the plan. No file of any benchmark
split is used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

CONTACTS = TEMPLATES["contacts"]
PEOPLE = TEMPLATES["people"]
COMPANIES = TEMPLATES["companies"]
DEALS = TEMPLATES["deals"]
EMPLOYEES = REAL_TEMPLATES["employees"]
TICKETS = REAL_TEMPLATES["tickets"]


def _applied_from(plan_sources: dict[str, list[str]], column: str) -> list[str]:
    return [f for f, columns in plan_sources.items() if column in columns]


def test_a_role_word_beside_the_field_word_is_someone_elses_value(tmp_path: Path) -> None:
    # Given: contacts whose only e-mails are their owner's (a CRM user), not the contact's
    text = (
        "First Name,Last Name,Owner Email,Phone\n"
        "Anna,Meyer,kim.lee@corp.io,+49 30 1234567\n"
        "Ben,Okafor,kim.lee@corp.io,+44 20 7946 0958\n"
        "Carla,Silva,raj.patel@corp.io,+33 1 42 68 53 00\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the owner's e-mail is not applied as the contact's; it is asked about
    assert "email" not in applied_sources(plan)
    assert named_in_questions(plan, "Owner Email")


def test_a_role_shared_by_several_headers_is_a_person_not_the_record(tmp_path: Path) -> None:
    # Given: companies with their CEO's name, e-mail and phone ('CEO' starts most headers)
    text = (
        "Company Name,CEO Name,CEO Email,CEO Phone,Industry\n"
        "Acme GmbH,Anna Meyer,anna@acme.com,+49 30 1234567,Retail\n"
        "Blue Fjord AS,Ben Okafor,ben@fjord.no,+47 22 12 34 56,Software\n"
        "Cobalt Labs,Carla Silva,carla@cobalt.io,+1 415 555 0100,Healthcare\n"
    )
    sources = applied_sources(plan_text(tmp_path, text, COMPANIES))
    # Then: the CEO's phone is not the company's; the company's name and industry still map
    assert "phone" not in sources
    assert sources["name"] == ["Company Name"] and sources["industry"] == ["Industry"]


def test_a_role_the_template_keeps_does_not_pass_its_email_to_another_field(tmp_path: Path) -> None:
    # Given: tickets with their agent's name and e-mail: the template keeps the agent (assignee), not the agent's e-mail
    text = (
        "Subject,Agent Name,Agent Email,Status,Created\n"
        "Printer jams,Kim Lee,kim.lee@help.io,open,2024-01-02 10:00\n"
        "VPN down,Raj Patel,raj.patel@help.io,closed,2024-01-03 11:00\n"
        "Reset password,Kim Lee,kim.lee@help.io,open,2024-01-04 09:30\n"
    )
    plan = plan_text(tmp_path, text, TICKETS)
    sources = applied_sources(plan)
    # Then: the agent's e-mail is not the requester's; the agent's name still fills the assignee
    assert "requester_email" not in sources
    assert sources["assignee"] == ["Agent Name"]
    assert named_in_questions(plan, "Agent Email")


def test_an_actor_named_by_by_is_not_the_record(tmp_path: Path) -> None:
    # Given: contacts with the e-mail of the user who last updated them, and no e-mail of their own
    text = (
        "First Name,Last Name,Updated By,Company\n"
        "Anna,Meyer,kim.lee@corp.io,Acme GmbH\n"
        "Ben,Okafor,raj.patel@corp.io,Blue Fjord AS\n"
        "Carla,Silva,kim.lee@corp.io,Cobalt Labs\n"
    )
    sources = applied_sources(plan_text(tmp_path, text, CONTACTS))
    assert "email" not in sources
    assert sources["company"] == ["Company"]


def test_a_relation_alone_over_emails_is_asked_not_applied(tmp_path: Path) -> None:
    # Given: a 'Referrer' column of e-mails (who referred the contact) and no e-mail column
    text = (
        "First Name,Last Name,Referrer,Country\n"
        "Anna,Meyer,kim.lee@corp.io,DE\n"
        "Ben,Okafor,raj.patel@corp.io,GB\n"
        "Carla,Silva,kim.lee@corp.io,FR\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    assert "email" not in applied_sources(plan)
    assert named_in_questions(plan, "Referrer")


def test_values_of_a_kind_under_a_header_naming_something_else_are_asked(tmp_path: Path) -> None:
    # Given: a 'CC' column of e-mails: the values say what kind of thing it holds, not that it is the contact's
    text = (
        "First Name,Last Name,CC,Company\n"
        "Anna,Meyer,kim.lee@corp.io,Acme GmbH\n"
        "Ben,Okafor,raj.patel@corp.io,Blue Fjord AS\n"
        "Carla,Silva,mo.diaz@corp.io,Cobalt Labs\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    assert "email" not in applied_sources(plan)
    assert named_in_questions(plan, "CC")


def test_a_first_row_read_as_the_header_still_maps_on_its_values(tmp_path: Path) -> None:
    # Given: a file whose header row is a record: its 'header' is itself an e-mail
    text = "Anna,Meyer,anna.meyer@example.com\nBen,Okafor,ben.okafor@example.com\nCarla,Silva,carla.silva@example.com\n"
    sources = applied_sources(plan_text(tmp_path, text, CONTACTS))
    assert sources.get("email") == ["anna.meyer@example.com"]


def test_a_team_lead_is_a_person_and_the_department_is_the_team(tmp_path: Path) -> None:
    # Given: people with their team's lead ('lead' is a word a person's record goes by) and their department
    text = (
        "last_name,first_name,team_lead,department\n"
        "Meyer,Anna,Kim Lee,Sales\n"
        "Okafor,Ben,Raj Patel,Support\n"
        "Silva,Carla,Kim Lee,Finance\n"
    )
    sources = applied_sources(plan_text(tmp_path, text, PEOPLE))
    assert sources["team"] == ["department"]
    assert not _applied_from(sources, "team_lead")


def test_a_role_over_names_is_no_yes_no_flag(tmp_path: Path) -> None:
    # Given: a 'Supervisor' column of people's names, for a template whose 'Manager' is a yes/no field
    text = (
        "Last Name,First Name,Supervisor,Team\n"
        "Meyer,Anna,Kim Lee,Sales\n"
        "Okafor,Ben,Raj Patel,Support\n"
        "Silva,Carla,Mo Diaz,Finance\n"
        "Nguyen,David,Ida Berg,Platform\n"
        "Rossi,Elif,Tom Hale,Marketing\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    assert "is_manager" not in applied_sources(plan)
    assert named_in_questions(plan, "Supervisor")


def test_a_yes_no_manager_column_still_maps(tmp_path: Path) -> None:
    # Near neighbour: the relation alone over yes/no values is the record's own flag
    text = "Last Name,First Name,Manager?,Team\nMeyer,Anna,Yes,Sales\nOkafor,Ben,No,Support\nSilva,Carla,No,Finance\n"
    assert applied_sources(plan_text(tmp_path, text, PEOPLE))["is_manager"] == ["Manager?"]


def test_an_address_part_from_another_address_is_asked_with_the_blocks_column_first(tmp_path: Path) -> None:
    # Given: a home address (street, city, ZIP) and an office city
    text = (
        "Last Name,Home Street,Home City,Home ZIP,Office City\n"
        "Meyer,12 Oak Street,Leeds,10115,Berlin\n"
        "Okafor,77 Elm Ave,Lyon,69001,Paris\n"
        "Silva,9 High Road,Bristol,20095,Hamburg\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    sources = applied_sources(plan)
    # Then: the street and ZIP of the home address apply; the city is not taken from the office
    assert sources["street"] == ["Home Street"] and sources["postal_code"] == ["Home ZIP"]
    assert "Office City" not in sources.get("city", [])
    question = next(q for q in plan.questions if q.id.endswith("q_city_column"))
    assert question.options[0].label == "'Home City'"


def test_a_header_holding_two_fields_words_is_asked(tmp_path: Path) -> None:
    # Given: contacts with the country of their phone number (two of the template's field words in one header)
    text = (
        "Email,First Name,Last Name,Phone Country,Mobile\n"
        "anna@acme.com,Anna,Meyer,DE,+49 30 1234567\n"
        "ben@fjord.no,Ben,Okafor,GB,+44 20 7946 0958\n"
        "carla@cobalt.io,Carla,Silva,FR,+33 1 42 68 53 00\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    assert "country" not in applied_sources(plan)
    assert named_in_questions(plan, "Phone Country")


def test_a_field_named_by_both_words_still_maps(tmp_path: Path) -> None:
    # Near neighbour: 'Salary Currency' is the salary_currency field's own name, not two fields
    text = (
        "Employee ID,First Name,Last Name,Salary,Salary Currency\n"
        "E-1001,Anna,Meyer,52000,EUR\n"
        "E-1002,Ben,Okafor,61000,GBP\n"
        "E-1003,Carla,Silva,48000,EUR\n"
    )
    assert applied_sources(plan_text(tmp_path, text, EMPLOYEES))["salary_currency"] == ["Salary Currency"]


def test_a_bare_name_of_people_does_not_keep_a_deals_name_from_its_title(tmp_path: Path) -> None:
    # Given: deals whose 'Name' holds the contact's name, beside a 'Deal Title'
    text = (
        "Name,Deal Title,Value,Close\n"
        "Anna Meyer,Renewal 2024,1200.50,2024-03-01\n"
        "Ben Okafor,Upsell seats,800.00,2024-04-15\n"
        "Carla Silva,New logo,15000.00,2024-02-10\n"
    )
    sources = applied_sources(plan_text(tmp_path, text, DEALS))
    assert sources.get("name") != ["Name"]
    assert not _applied_from(sources, "Name")


def test_a_header_naming_an_enum_over_other_states_gives_way_to_the_fields_values(tmp_path: Path) -> None:
    # Given: an account 'Status' (active/inactive) beside a 'Lifecycle Stage' of the template's statuses
    text = (
        "Email,First Name,Last Name,Status,Lifecycle Stage\n"
        "anna@acme.com,Anna,Meyer,active,lead\n"
        "ben@fjord.no,Ben,Okafor,inactive,customer\n"
        "carla@cobalt.io,Carla,Silva,suspended,churned\n"
        "david@delta.com,David,Nguyen,active,customer\n"
    )
    assert applied_sources(plan_text(tmp_path, text, CONTACTS))["status"] == ["Lifecycle Stage"]
    # and a legal form under 'Type' beside an 'Account Type' of the template's company types
    text = (
        "Company,Type,Account Type,City\n"
        "Acme GmbH,GmbH,Customer,Berlin\n"
        "Blue Fjord AS,SA,Partner,Oslo\n"
        "Cobalt Labs,LLC,Prospect,Austin\n"
    )
    assert applied_sources(plan_text(tmp_path, text, COMPANIES))["type"] == ["Account Type"]


def test_plain_files_still_map_every_column(tmp_path: Path) -> None:
    # Near neighbours: the plain headers of each template map without a question
    contacts = (
        "First Name,Last Name,Email,Phone,Company,Created At,Country,Status\n"
        "Anna,Meyer,anna@acme.com,+49 30 1234567,Acme GmbH,2023-04-12,DE,lead\n"
        "Ben,Okafor,ben@fjord.no,+44 20 7946 0958,Blue Fjord AS,2022-11-02,GB,customer\n"
        "Carla,Silva,carla@cobalt.io,+33 1 42 68 53 00,Cobalt Labs,2024-01-20,FR,churned\n"
    )
    plan = plan_text(tmp_path, contacts, CONTACTS)
    assert len(applied_sources(plan)) == 8
    deals = (
        "Deal Name,Amount,Stage,Close Date,Lead Source,Owner\n"
        "Renewal,1200.50,Proposal,2024-03-01,Web,Kim Lee\n"
        "Upsell,800.00,Negotiation,2024-04-15,Referral,Raj Patel\n"
        "New logo,15000.00,Closed Won,2024-02-10,Web,Kim Lee\n"
    )
    sources = applied_sources(plan_text(tmp_path, deals, DEALS))
    assert sources["lead_source"] == ["Lead Source"] and sources["amount"] == ["Amount"]
    assert not _applied_from(sources, "Owner")
