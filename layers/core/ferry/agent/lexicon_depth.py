"""Header vocabulary in depth (issue 12): the words French, Spanish, German, Portuguese, Italian and Dutch exports use
for the fields of the HR, asset, catalogue, help-desk, deal and company templates, beyond a contact's; and the
shortened words of technical (snake_case, camelCase) exports. The shape of `lexicon.LEXICON`, merged into it.

Data only, as `lexicon` and `lexicon_more`: one entry per concept, one line per language, words as people type them
(accents allowed; `synonyms` folds them, so 'Numéro de série' and 'Numero de serie' meet). A phrase that means
different things in two languages or two kinds of export goes to both concepts and the template's fields decide
('responsable': the owner or assignee of a record, an employee's manager; 'matricola': a device's serial number, an
employee's number). Left out: phrases that already name another concept in another language, and words too short to
be read alone ('ral', Italian gross salary and a colour code; 'fte'); see bench/mapping/real/SOURCES.md, "Header
vocabulary in depth and technical abbreviations (issue 12)".
"""

from __future__ import annotations

# fmt: off
DEPTH_LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    # People at work (HR).
    "employee_id": {
        "fr": ("matricule", "numéro de matricule", "matricule salarié", "numéro salarié", "n° salarié",
               "numéro d employé", "n° employé", "numéro de personnel", "id salarié"),
        "es": ("número de empleado", "nº empleado", "nº de empleado", "id empleado", "código de empleado",
               "legajo", "número de legajo", "nro de legajo"),
        "de": ("personalnummer", "personal nr", "pers nr", "personalnr", "mitarbeiternummer", "mitarbeiter nr",
               "mitarbeiter id"),
        "pt": ("matrícula", "número de matrícula", "nº de matrícula", "número do funcionário", "id do funcionário",
               "código do funcionário", "matrícula do colaborador"),
        "it": ("matricola", "numero di matricola", "n matricola", "matricola dipendente", "codice dipendente",
               "id dipendente"),
        "nl": ("personeelsnummer", "personeels nr", "personeelsnr", "medewerkernummer", "medewerker nr",
               "werknemersnummer"),
    },
    "hire_date": {
        "en": ("contract start", "contract start date", "employment start date", "start of employment"),
        "fr": ("date d arrivée", "date entrée", "date de début de contrat", "date début contrat", "entré le"),
        "es": ("fecha de alta", "fecha de incorporación", "fecha de inicio de contrato", "fecha inicio contrato",
               "fecha de inicio laboral"),
        "de": ("eintritt", "eintritt am", "beschäftigungsbeginn", "vertragsbeginn", "eintritt datum"),
        "pt": ("admissão", "data admissão", "data de início do contrato", "data de entrada"),
        "it": ("data assunzione", "data inizio rapporto", "data di inizio rapporto", "assunto il"),
        "nl": ("in dienst", "indienstdatum", "datum indiensttreding", "in dienst sinds", "in dienst per"),
    },
    "end_date": {
        "en": ("contract end", "contract end date", "employment end date", "end of employment", "term date",
               "terminated on", "date terminated"),
        "fr": ("date de départ", "date de fin de contrat", "date fin contrat", "date sortie", "sorti le"),
        "es": ("fecha de salida", "fecha de cese", "fecha de terminación", "fecha fin contrato",
               "fecha de fin de contrato"),
        "de": ("austritt", "austritt am", "vertragsende", "kündigungsdatum", "beschäftigungsende"),
        "pt": ("data de desligamento", "desligamento", "data de rescisão", "data de término do contrato"),
        "it": ("data cessazione", "data fine rapporto", "data di fine rapporto", "data dimissioni"),
        "nl": ("uit dienst", "uitdienstdatum", "datum uitdiensttreding", "uit dienst per"),
    },
    "salary": {
        "fr": ("rémunération", "salaire annuel", "salaire brut annuel", "salaire annuel brut", "rémunération annuelle",
               "rémunération brute"),
        "es": ("salario anual", "sueldo bruto", "sueldo anual", "salario bruto anual", "remuneración"),
        "de": ("jahresgehalt", "bruttojahresgehalt", "vergütung", "entgelt", "jahresbrutto", "bruttolohn"),
        "pt": ("salário mensal", "remuneração", "vencimento", "ordenado", "salário bruto mensal"),
        "it": ("retribuzione annua lorda", "retribuzione lorda", "stipendio lordo", "stipendio annuo",
               "retribuzione annua"),
        "nl": ("bruto salaris", "maandsalaris", "jaarsalaris", "bruto maandsalaris", "bruto jaarsalaris"),
    },
    "manager": {
        "fr": ("responsable", "supérieur hiérarchique", "responsable direct", "manager direct"),
        "es": ("responsable", "jefe", "jefe directo", "jefe inmediato", "superior inmediato"),
        "de": ("führungskraft", "disziplinarischer vorgesetzter", "vorgesetzte", "direkter vorgesetzter"),
        "pt": ("responsável", "gestor direto", "superior imediato", "chefia", "chefe imediato"),
        "it": ("responsabile", "superiore diretto"),
        "nl": ("direct leidinggevende",),
    },
    "location": {
        "fr": ("lieu de travail", "site de rattachement", "emplacement", "localisation"),
        "es": ("centro de trabajo", "lugar de trabajo", "oficina"),
        "de": ("arbeitsort", "dienstort", "einsatzort"),
        "pt": ("local de trabalho", "lotação"),
        "it": ("sede di lavoro", "luogo di lavoro"),
        "nl": ("werklocatie", "standplaats"),
    },
    "job_title": {
        "de": ("stellenbezeichnung", "tätigkeit"),
    },
    # Assets.
    "asset_tag": {
        "en": ("asset tag", "asset number", "asset no", "asset id tag", "inventory number", "inventory no",
               "inventory tag", "tag number", "property number", "id tag"),
        "fr": ("numéro d inventaire", "n° d inventaire", "n° inventaire", "code inventaire",
               "numéro d immobilisation"),
        "es": ("número de inventario", "nº de inventario", "nº inventario", "código de inventario",
               "etiqueta de activo"),
        "de": ("inventarnummer", "inventar nr", "inventarnr", "anlagennummer"),
        "pt": ("número de patrimônio", "nº patrimônio", "nº de patrimônio", "patrimônio", "plaqueta",
               "número de inventário"),
        "it": ("numero inventario", "numero di inventario", "n inventario", "codice inventario", "codice cespite"),
        "nl": ("inventarisnummer", "inventaris nr", "inventarisnr", "assetnummer"),
    },
    "model": {
        "en": ("model",),
        "fr": ("modèle",), "es": ("modelo",), "de": ("modell", "modellbezeichnung"), "pt": ("modelo",),
        "it": ("modello",), "nl": ("model",),
    },
    "serial_number": {
        "fr": ("n° de série", "no de série", "numéro série"), "es": ("nº de serie", "número serie"),
        "de": ("serien nr", "seriennr"), "pt": ("nº de série",), "it": ("n serie", "numero seriale", "seriale"),
        "nl": ("serie nr", "serienr"),
    },
    "manufacturer": {
        "fr": ("constructeur",),
    },
    "purchase_date": {
        "fr": ("date d acquisition", "date achat"), "es": ("fecha de adquisición", "fecha compra"),
        "de": ("beschaffungsdatum", "erwerbsdatum"), "pt": ("data de aquisição", "data da compra"),
        "it": ("data acquisto", "data acquisizione"), "nl": ("datum aankoop", "aanschafdatum"),
    },
    "purchase_cost": {
        "fr": ("valeur d acquisition", "coût d acquisition"), "es": ("costo de adquisición", "coste de adquisición",
                                                                     "valor de compra"),
        "de": ("anschaffungswert",), "pt": ("valor de aquisição", "valor de compra"),
        "it": ("costo acquisto", "valore di acquisto"), "nl": ("aankoopprijs", "aanschafwaarde", "aankoopbedrag"),
    },
    "warranty": {
        "fr": ("durée de garantie",), "es": ("meses de garantía",), "de": ("garantiedauer",),
        "pt": ("meses de garantia", "prazo de garantia"), "it": ("mesi di garanzia", "durata garanzia"),
        "nl": ("garantieperiode", "garantietermijn"),
    },
    "assignee": {
        "fr": ("affecté à", "attribué à"), "es": ("técnico asignado", "agente asignado", "asignado"),
        "de": ("zugeordnet an", "zugewiesen"), "pt": ("técnico responsável", "alocado para"),
        "it": ("in carico a", "tecnico assegnato"), "nl": ("uitgegeven aan",),
    },
    # Products, stock and catalogues.
    "sku": {
        "fr": ("référence article", "réf article", "code produit", "référence produit"),
        "es": ("código artículo", "cod artículo", "referencia del producto", "código de referencia"),
        "de": ("artikel id", "artnr", "sachnummer"),
        "pt": ("código do item", "cód produto"),
        "it": ("cod articolo", "cod prodotto"),
        "nl": ("artikelnr", "productcode"),
    },
    "product_name": {
        "fr": ("nom de l article", "libellé article", "désignation article"),
        "es": ("nombre del artículo", "nombre artículo"),
        "de": ("produktbezeichnung",), "pt": ("nome do item",), "it": ("nome articolo",), "nl": ("artikelnaam",),
    },
    "price": {
        "fr": ("prix ht", "prix ttc", "prix de vente ht", "prix de vente ttc", "prix public"),
        "es": ("precio de venta al público", "precio sin iva", "precio con iva", "precio venta"),
        "de": ("einzelpreis", "stückpreis", "nettopreis", "bruttopreis", "vk netto"),
        "pt": ("preço unitário", "valor unitário", "valor de venda"),
        "it": ("prezzo di listino", "prezzo listino", "prezzo vendita", "prezzo netto"),
        "nl": ("prijs excl btw", "prijs incl btw", "verkoopprijs excl btw", "stuksprijs", "eenheidsprijs",
               "adviesprijs"),
    },
    "cost": {
        "fr": ("prix de revient", "coût de revient"), "es": ("precio de coste", "precio de costo", "coste unitario",
                                                              "costo unitario"),
        "de": ("ek netto", "einstandspreis"), "pt": ("custo unitário", "valor de custo", "preço de compra"),
        "it": ("costo unitario", "prezzo acquisto"),
    },
    "stock_quantity": {
        "fr": ("stock", "stock disponible", "qté en stock", "stock réel"),
        "es": ("stock", "stock actual", "stock disponible", "unidades en stock", "cantidad en stock"),
        "de": ("verfügbarer bestand", "vorrat"),
        "pt": ("estoque atual", "saldo em estoque", "qtd em estoque", "qtd estoque", "stock"),
        "it": ("quantità disponibile", "disponibilità", "scorta", "quantità in magazzino", "giacenza attuale"),
        "nl": ("vrije voorraad", "actuele voorraad"),
    },
    "unit": {
        "fr": ("unité de vente",), "es": ("unidad de venta",), "de": ("verkaufseinheit",), "nl": ("verkoopeenheid",),
    },
    "weight": {
        "fr": ("poids net", "poids brut"), "es": ("peso neto", "peso bruto"), "de": ("bruttogewicht",),
        "pt": ("peso bruto", "peso líquido"), "it": ("peso netto", "peso lordo"), "nl": ("netto gewicht",
                                                                                      "bruto gewicht"),
    },
    "barcode": {
        "fr": ("code ean", "gencod"), "es": ("código ean",), "de": ("ean nummer",), "pt": ("código ean",),
        "it": ("codice ean",), "nl": ("ean code",),
    },
    "tax_class": {
        "fr": ("taux tva",), "es": ("tipo iva",), "de": ("mwst", "MwSt", "MwSt-Satz", "ust satz", "mehrwertsteuer"),
        "pt": ("alíquota",), "nl": ("btw percentage",),
    },
    # Support tickets.
    "requester": {
        "fr": ("déclarant",), "pt": ("requerente", "aberto por"), "it": ("segnalato da", "aperto da"),
        "nl": ("gemeld door", "ingediend door"), "es": ("reportado por",), "de": ("antragsteller",),
    },
    "created_at": {
        "fr": ("date création", "date d ouverture", "ouvert le"),
        "es": ("creado el", "fecha creación", "fecha de apertura"),
        "de": ("erstelldatum", "anlagedatum", "eröffnet am"),
        "pt": ("data de abertura", "aberto em"),
        "it": ("data creazione", "data apertura", "data di apertura"),
        "nl": ("aanmaakdatum", "gemeld op", "datum melding"),
    },
    "updated_at": {
        "fr": ("date de mise à jour", "mis à jour le", "dernière modification", "modifié le", "dernière mise à jour"),
        "es": ("última actualización", "fecha de actualización", "actualizado el", "última modificación"),
        "de": ("zuletzt geändert", "letzte änderung", "änderungsdatum", "aktualisiert am"),
        "pt": ("última atualização", "data da última atualização", "data de alteração", "alterado em"),
        "it": ("ultimo aggiornamento", "data ultimo aggiornamento", "data aggiornamento", "aggiornato il",
               "data ultima modifica"),
        "nl": ("laatste wijziging", "bijgewerkt op", "datum laatste wijziging", "wijzigingsdatum"),
    },
    # Deals.
    "close_date": {
        "fr": ("date de clôture prévue", "date de signature prévue"),
        "es": ("fecha de cierre prevista", "fecha prevista de cierre", "fecha cierre"),
        "de": ("voraussichtliches abschlussdatum", "erwartetes abschlussdatum"),
        "pt": ("previsão de fechamento",), "it": ("data chiusura", "chiusura prevista"),
        "nl": ("verwachte afsluitdatum", "afsluitdatum"),
    },
    "amount": {
        "fr": ("montant estimé",), "es": ("importe estimado", "valor estimado"), "pt": ("valor estimado",),
        "it": ("importo previsto", "valore stimato"),
    },
    "stage": {
        "fr": ("étape de vente",), "es": ("etapa de venta", "fase de venta"),
    },
    "lead_source": {
        "fr": ("provenance",), "es": ("origen del lead", "canal de captación"),
    },
    "deal_name": {
        "fr": ("intitulé de l affaire",), "pt": ("título do negócio",), "nl": ("naam deal",),
    },
    # Companies.
    "tax_id": {
        "fr": ("n° tva", "numéro tva intracommunautaire", "n° tva intracommunautaire"),
        "es": ("nif cif", "rfc", "cuit", "ruc"), "pt": ("cnpj cpf",), "it": ("piva",),
        "nl": ("btw nr", "btw id", "btw identificatienummer", "fiscaal nummer"),
    },
    "industry": {
        "es": ("industria", "rubro", "giro"), "pt": ("ramo",), "de": ("industrie",),
    },
    "employees": {
        "fr": ("nb salariés", "nb employés", "effectifs"),
        "es": ("nº de empleados", "nº empleados", "plantilla"),
        "de": ("anzahl der mitarbeiter", "beschäftigte", "anzahl beschäftigte"),
        "pt": ("nº de funcionários", "qtd funcionários", "quantidade de funcionários"),
        "it": ("n dipendenti",),
    },
    "revenue": {
        "fr": ("ca annuel",), "es": ("ventas anuales",), "pt": ("faturamento anual",),
    },
}
# fmt: on


# Concepts added here whose field holds a thing by its name, never by a code: small numbers under the field's bare
# name ('model' 1, 1) are ids into a list the file lacks, as for a field with no vocabulary (`match`); and '<thing>
# name' is the thing ('Model Name', 'modelnaam', `synonyms.NAMED_THINGS`).
NAME_ONLY = frozenset({"model"})


# Shortened words of technical exports ('purch_dt', 'mdl_nm', 'sal_ccy'), each unambiguous in a header; merged into
# `normalize.ABBREVIATIONS`. Left out as ambiguous: 'cat' (a category, the animal), 'inv' (inventory, invoice),
# 'req' (requester, request, required), 'curr'/'cur' alone (currency, current), 'sal' alone (salary, salutation),
# 'cust' (customer, and NetSuite's custom: 'custentity', 'custbody'), 'ttl' (title, time to live), 'wt' (weight,
# wild type), 'lng' (language, longitude), 'exp' (expiry, expense), 'cst' (cost, a time zone), 'prov' (province,
# provider), 'term' (termination, a contract's term: 'term date' is a phrase of its own instead).
DEPTH_ABBREVIATIONS: dict[str, str] = {
    "ccy": "currency", "crncy": "currency", "curncy": "currency",
    "mdl": "model",
    "purch": "purchase", "prch": "purchase",
    "wrnty": "warranty", "wty": "warranty", "warr": "warranty",
    "vndr": "vendor",
    "subj": "subject",
    "tkt": "ticket",
    "assgn": "assigned", "asgn": "assigned", "assgnd": "assigned",
    "crt": "created",
    "chnl": "channel",
    "cd": "code",
    "catg": "category", "ctgy": "category",
    "wgt": "weight",
    "brnd": "brand",
    "acq": "acquisition",
    "mos": "months", "mths": "months", "mnths": "months",
    "actv": "active",
    "flg": "flag",
    "cntct": "contact",
    "rgn": "region",
}  # fmt: skip

# Short words read only beside a money word ('sal_amt', 'sal_curr', 'base_sal', 'amt_curr'): there 'sal' is the
# salary and 'curr' the currency; elsewhere 'sal' may be a salutation and 'curr' current ('curr_addr').
_MONEY_WORDS = frozenset(
    {"amt", "amount", "ccy", "currency", "curr", "cur", "gross", "net", "base", "annual", "ann", "rate", "grade",
     "sal", "salary", "price", "prc", "cost", "pay", "fee", "fees", "value", "total", "balance", "bal"}
)  # fmt: skip


def expand_in_context(words: list[str]) -> list[str]:
    """'sal' as salary and 'curr'/'cur' as currency where a money word stands beside them, a leading lone 'n' as
    number; other words unchanged."""
    out = list(words)
    if len(words) > 1 and words[0] == "n":
        out[0] = "number"  # 'N° salarié', 'N. inventario': the sign or dot after N is gone, the number stays
    for i, word in enumerate(words):
        before = words[i - 1] if i > 0 else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if word == "sal" and (before in _MONEY_WORDS or after in _MONEY_WORDS):
            out[i] = "salary"
        elif word in ("curr", "cur") and before in _MONEY_WORDS:
            out[i] = "currency"
    return out


def merge_into(lexicon: dict[str, dict[str, tuple[str, ...]]]) -> None:
    """Add these phrases to a lexicon of the same shape, after a language's own (none lost, none repeated)."""
    for concept, by_language in DEPTH_LEXICON.items():
        own = lexicon.setdefault(concept, {})
        for language, phrases in by_language.items():
            own[language] = tuple(dict.fromkeys(own.get(language, ()) + phrases))
