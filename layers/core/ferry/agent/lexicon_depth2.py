"""Header vocabulary in depth in eight more languages (issue 12): the words Polish, Czech, Swedish, Danish, Norwegian,
Finnish, Turkish and Russian exports use for the fields of the HR, asset, catalogue, help-desk, deal and company
templates, and for a customer's fields where `lexicon_more` is thin. The shape of `lexicon.LEXICON`, merged into it
after `lexicon_depth`.

Data only, as `lexicon_depth`: one entry per concept, one line per language, words as people type them in exports
(diacritics allowed; `synonyms` folds them, so 'Numer inwentarzowy' and 'Nr inwentarzowy', 'Výrobní číslo' and
'Vyrobni cislo', 'İşten çıkış tarihi' and 'Isten cikis tarihi' meet; Russian in Cyrillic). A phrase that means
different things in two kinds of export goes to both concepts and the template's fields decide (Finnish 'yksikkö'
and Turkish 'birim': a unit of measure, an organisational unit; Polish 'nr ewidencyjny': an employee's and an
asset's register number; Turkish 'ünvan': a job title, a firm's registered name). The bare words for 'number'
('numer', 'číslo', 'номер', 'numara') are the record's own number, as 'nummer' is in `lexicon`. Left out: words that
already name another concept or are English words ('symbol', 'plat', 'stan', 'moms'), and short words read in other
senses; see bench/mapping/real/SOURCES.md, "Header vocabulary in depth, eight more languages (issue 12)".
"""

# Words of Turkish and Cyrillic spelling are the data here, not look-alikes of Latin letters.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

# fmt: off
DEPTH2_LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    # The record's own number (as 'nummer' in lexicon) and a customer's or a ticket's number.
    "id": {
        "pl": ("numer", "numer zgłoszenia", "nr zgłoszenia", "kod klienta"),
        "cs": ("číslo", "číslo požadavku", "číslo tiketu", "kód zákazníka", "id zákazníka"),
        "sv": ("ärendenummer", "ärendenr", "kund id"),
        "da": ("sagsnummer", "sagsnr", "kunde id"),
        "no": ("saksnummer", "saksnr", "kunde id"),
        "fi": ("tiketin numero", "tikettinumero", "tapausnumero", "asiakastunnus", "asiakasnro"),
        "tr": ("numara", "talep no", "talep numarası", "kayıt no", "cari kodu"),
        "ru": ("номер", "номер заявки", "номер обращения", "код клиента", "номер клиента"),
    },
    # People at work (HR).
    "employee_id": {
        "pl": ("numer ewidencyjny", "nr ewidencyjny", "numer kadrowy", "nr kadrowy", "id pracownika",
               "identyfikator pracownika", "numer osobowy"),
        "cs": ("číslo zaměstnance", "id zaměstnance"),
        "sv": ("anställnings id", "medarbetarnummer", "anställd nr"),
        "da": ("medarbejder id", "medarbejder nr", "personalenummer", "lønnummer"),
        "no": ("ansatt id", "ansatt nr", "personalnummer", "lønnsnummer"),
        "fi": ("henkilöstönumero", "työntekijän numero", "työntekijä id", "palkkanumero", "henkilönro"),
        "tr": ("sicil numarası", "personel numarası", "personel kodu", "personel id", "sicil"),
        "ru": ("таб номер", "табельный", "код сотрудника", "id сотрудника", "номер сотрудника"),
    },
    "hire_date": {
        "pl": ("data przyjęcia", "data rozpoczęcia pracy", "data rozpoczęcia zatrudnienia",
               "data przyjęcia do pracy"),
        "cs": ("nástup", "datum nástupu do zaměstnání", "datum zahájení pracovního poměru"),
        "sv": ("anställd sedan", "första arbetsdag", "anställningsdag"),
        "da": ("ansat dato", "tiltrædelsesdato"),
        "no": ("ansatt dato", "tiltredelsesdato"),
        "fi": ("työsuhteen alku", "työsuhteen alkupäivä", "työsuhde alkanut", "aloituspvm"),
        "tr": ("işe giriş", "işe başlama", "işe giriş tarihi"),
        "ru": ("дата приема", "дата приёма на работу", "дата трудоустройства", "принят"),
    },
    "end_date": {
        "pl": ("data zwolnienia", "data rozwiązania umowy", "data zakończenia pracy", "data zakończenia zatrudnienia",
               "data odejścia", "zwolniony"),
        "cs": ("datum ukončení pracovního poměru", "datum odchodu", "datum výstupu", "ukončení pracovního poměru"),
        "sv": ("avgångsdatum", "slutdatum anställning", "sista arbetsdag"),
        "da": ("fratrædelsesdato", "fratrådt", "fratrædelse", "sidste arbejdsdag"),
        "no": ("fratredelsesdato", "fratrådt", "fratredelse", "siste arbeidsdag"),
        "fi": ("työsuhteen päättymispäivä", "työsuhteen loppu", "työsuhde päättynyt", "lopetuspäivä"),
        "tr": ("işten çıkış tarihi", "işten ayrılış tarihi", "ayrılış tarihi", "işten çıkış"),
        "ru": ("дата увольнения", "уволен"),
    },
    "salary": {
        "pl": ("wynagrodzenie brutto", "pensja brutto", "wynagrodzenie zasadnicze", "płaca", "płaca zasadnicza",
               "wynagrodzenie miesięczne", "płaca brutto"),
        "cs": ("mzda", "hrubá mzda", "měsíční mzda", "základní mzda", "hrubý plat", "měsíční plat"),
        "sv": ("grundlön", "årslön", "bruttolön", "månadslön brutto"),
        "da": ("månedsløn", "årsløn", "bruttoløn", "grundløn"),
        "no": ("månedslønn", "årslønn", "grunnlønn", "bruttolønn", "fastlønn"),
        "fi": ("kuukausipalkka", "vuosipalkka", "bruttopalkka", "peruspalkka"),
        "tr": ("brüt maaş", "net maaş", "aylık maaş", "brüt ücret"),
        "ru": ("заработная плата", "должностной оклад", "зарплата брутто"),
    },
    "manager": {
        "pl": ("bezpośredni przełożony", "kierownik", "przełożona"),
        "cs": ("přímý nadřízený", "nadřízená"),
        "sv": ("överordnad", "ansvarig chef"),
        "da": ("nærmeste chef", "chef"),
        "no": ("overordnet", "nærmeste overordnet"),
        "fi": ("lähiesimies", "lähijohtaja"),
        "tr": ("bağlı olduğu yönetici", "amir", "birim amiri", "yöneticisi"),
        "ru": ("непосредственный руководитель",),
    },
    "department": {
        "pl": ("komórka organizacyjna", "wydział"),
        "cs": ("útvar",),
        "fi": ("yksikkö",),
        "tr": ("birim",),
        "ru": ("департамент", "служба"),
    },
    "location": {
        "pl": ("miejsce pracy", "lokalizacja", "oddział"),
        "cs": ("místo výkonu práce", "pracoviště", "umístění", "lokalita"),
        "sv": ("placering", "arbetsplats", "arbetsort"),
        "da": ("placering", "arbejdssted", "lokation"),
        "no": ("plassering", "arbeidssted", "lokasjon"),
        "fi": ("sijainti", "toimipiste", "toimipaikka"),
        "tr": ("konum", "lokasyon", "çalışma yeri", "iş yeri", "şube"),
        "ru": ("местоположение", "расположение", "место работы", "локация", "филиал"),
    },
    "job_title": {
        "cs": ("pracovní zařazení",), "ru": ("наименование должности",),
    },
    "employment_type": {
        "pl": ("rodzaj umowy", "forma zatrudnienia", "typ umowy"), "cs": ("typ úvazku", "druh pracovního poměru"),
        "sv": ("anställningsform",), "da": ("ansættelsestype", "ansættelsesform"),
        "no": ("ansettelsesform", "stillingstype"), "fi": ("työsuhteen tyyppi", "työsuhdetyyppi"),
        "tr": ("çalışma şekli", "istihdam türü"), "ru": ("тип занятости", "вид занятости"),
    },
    # Assets.
    "asset_tag": {
        "pl": ("numer inwentarzowy", "nr inwentarzowy", "numer ewidencyjny", "nr ewidencyjny"),
        "cs": ("inventární číslo", "evidenční číslo"),
        "sv": ("inventarienummer", "inventarienr", "tillgångsnummer"),
        "da": ("inventarnummer", "aktivnummer", "anlægsnummer"),
        "no": ("inventarnummer", "eiendelsnummer", "utstyrsnummer"),
        "fi": ("inventaarionumero", "laitenumero", "omaisuusnumero"),
        "tr": ("demirbaş no", "demirbaş numarası", "demirbaş kodu", "envanter no", "envanter numarası"),
        "ru": ("инвентарный номер", "инв номер"),
    },
    "serial_number": {
        "pl": ("numer seryjny", "nr seryjny", "numer fabryczny", "nr fabryczny"),
        "cs": ("výrobní číslo", "sériové číslo"),
        "sv": ("serienummer",), "da": ("serienummer",), "no": ("serienummer",), "fi": ("sarjanumero",),
        "tr": ("seri no", "seri numarası"),
        "ru": ("серийный номер", "заводской номер"),
    },
    "model": {
        "pl": ("model",), "cs": ("model",), "sv": ("modell",), "da": ("model",), "no": ("modell",),
        "fi": ("malli",), "tr": ("model",), "ru": ("модель",),
    },
    "model_number": {
        "pl": ("numer modelu",), "cs": ("číslo modelu",), "sv": ("modellnummer",), "da": ("modelnummer",),
        "no": ("modellnummer",), "fi": ("mallinumero",), "tr": ("model numarası",), "ru": ("номер модели",),
    },
    "manufacturer": {
        "pl": ("producent",), "cs": ("výrobce",), "sv": ("tillverkare",), "da": ("fabrikant",),
        "no": ("produsent", "fabrikant"), "fi": ("valmistaja",), "tr": ("üretici", "imalatçı"),
        "ru": ("производитель",),
    },
    "brand": {
        "pl": ("marka",), "cs": ("značka",), "sv": ("varumärke",), "da": ("mærke", "varemærke"),
        "no": ("merke", "varemerke"), "fi": ("merkki", "tuotemerkki"), "tr": ("marka",),
        "ru": ("бренд", "марка", "торговая марка"),
    },
    "supplier": {
        "cs": ("dodavatel",), "fi": ("toimittaja",),
    },
    "purchase_date": {
        "pl": ("data zakupu", "data nabycia"), "cs": ("datum nákupu", "datum pořízení"),
        "sv": ("inköpsdatum", "köpdatum"), "da": ("købsdato", "indkøbsdato"), "no": ("kjøpsdato", "innkjøpsdato"),
        "fi": ("ostopäivä", "hankintapäivä", "ostopvm", "hankintapvm"), "tr": ("satın alma tarihi", "alış tarihi"),
        "ru": ("дата покупки", "дата приобретения"),
    },
    "purchase_cost": {
        "pl": ("wartość zakupu", "cena nabycia", "wartość początkowa"),
        "cs": ("pořizovací cena", "pořizovací hodnota"),
        "sv": ("inköpsvärde", "anskaffningsvärde", "inköpspris"), "da": ("anskaffelsespris", "anskaffelsesværdi",
                                                                         "indkøbspris"),
        "no": ("anskaffelsesverdi", "innkjøpspris", "kjøpspris"), "fi": ("hankinta arvo", "hankintahinta"),
        "tr": ("satın alma fiyatı", "satın alma bedeli"),
        "ru": ("стоимость покупки", "цена покупки", "стоимость приобретения", "первоначальная стоимость"),
    },
    "warranty": {
        "pl": ("gwarancja", "okres gwarancji"), "cs": ("záruka", "záruční doba"), "sv": ("garanti", "garantitid"),
        "da": ("garanti", "garantiperiode"), "no": ("garanti", "garantitid"), "fi": ("takuu", "takuuaika"),
        "tr": ("garanti", "garanti süresi"), "ru": ("гарантия", "гарантийный срок", "срок гарантии"),
    },
    "assignee": {
        "pl": ("przypisany do", "przydzielony do", "przypisano do"),
        "cs": ("přiděleno", "přiřazeno", "řešitel"),
        "sv": ("tilldelad", "handläggare"), "da": ("tildelt", "sagsbehandler"),
        "no": ("tildelt", "saksbehandler"), "fi": ("käsittelijä",),
        "tr": ("atanan", "atanan kişi", "atanmış"), "ru": ("исполнитель", "назначено"),
    },
    # Products, stock and catalogues.
    "sku": {
        "pl": ("indeks", "indeks towaru", "numer katalogowy", "nr katalogowy", "kod artykułu", "nr artykułu"),
        "cs": ("číslo zboží", "číslo artiklu", "kód artiklu"),
        "sv": ("artikelnummer", "artnr"), "da": ("artikelnummer", "varekode"),
        "no": ("artikkelnr", "varekode"), "fi": ("tuotenro", "nimikekoodi"),
        "tr": ("ürün no", "stok no"), "ru": ("код товара", "код продукта"),
    },
    "price": {
        "pl": ("cena sprzedaży netto", "cena sprzedaży brutto", "cena detaliczna", "cena jednostkowa"),
        "cs": ("cena bez dph", "cena s dph", "prodejní cena bez dph", "jednotková cena"),
        "sv": ("pris exkl moms", "pris inkl moms", "försäljningspris exkl moms", "listpris", "ordinarie pris"),
        "da": ("pris ekskl moms", "pris inkl moms", "salgspris ekskl moms", "listepris", "vejledende pris"),
        "no": ("pris eks mva", "pris inkl mva", "utsalgspris", "listepris", "veiledende pris"),
        "fi": ("veroton hinta", "verollinen hinta", "suositushinta", "veroton myyntihinta"),
        "tr": ("kdv hariç fiyat", "kdv dahil fiyat", "liste fiyatı", "satış fiyatı"),
        "ru": ("розничная цена", "цена за единицу", "цена без ндс", "цена с ндс"),
    },
    "cost": {
        "pl": ("koszt jednostkowy", "cena nabycia"), "cs": ("nákladová cena",), "sv": ("inpris", "självkostnad"),
        "da": ("kostpris",), "fi": ("omakustannushinta",), "tr": ("birim maliyet",),
        "ru": ("цена закупки",),
    },
    "stock_quantity": {
        "pl": ("stan magazynu", "ilość dostępna", "zapas"),
        "cs": ("skladová zásoba", "zásoba", "stav zásob"),
        "sv": ("lagerantal",), "da": ("lagerantal", "antal på lager"), "no": ("lagerantall", "på lager"),
        "fi": ("varastomäärä",), "tr": ("stok adedi", "mevcut stok"),
        "ru": ("остатки", "количество на складе", "в наличии"),
    },
    "unit": {
        "pl": ("jm", "j m"), "cs": ("jednotka", "měrná jednotka", "mj"), "sv": ("måttenhet",),
        "da": ("måleenhed",), "no": ("måleenhet",), "fi": ("yksikkö", "mittayksikkö"),
        "tr": ("ölçü birimi",), "ru": ("ед",),
    },
    "weight": {
        "pl": ("waga netto", "waga brutto"), "cs": ("váha",), "sv": ("nettovikt", "bruttovikt"),
        "da": ("nettovægt", "bruttovægt"), "no": ("nettovekt", "bruttovekt"), "fi": ("nettopaino", "bruttopaino"),
        "ru": ("масса",),
    },
    "barcode": {
        "pl": ("kod ean",), "cs": ("čárový kód", "ean kód"), "sv": ("ean kod",), "da": ("ean kode",),
        "no": ("ean kode",), "fi": ("viivakoodi", "ean koodi"), "tr": ("barkod no",), "ru": ("штрих код товара",),
    },
    "tax_class": {
        "pl": ("stawka vat",), "cs": ("sazba dph", "dph"), "sv": ("momssats",), "da": ("momssats",),
        "fi": ("alv", "alv kanta", "arvonlisävero"), "tr": ("kdv", "kdv oranı"),
        "ru": ("ставка ндс", "ндс"),
    },
    "category": {
        "cs": ("kategorie",), "fi": ("kategoria", "tuoteryhmä"),
        "pl": ("grupa towarowa",), "sv": ("varugrupp", "produktgrupp"), "da": ("varegruppe",),
        "no": ("varegruppe",),
    },
    # Support tickets.
    "subject": {
        "pl": ("temat",), "cs": ("předmět",), "sv": ("ämne", "rubrik"), "da": ("emne",), "no": ("emne",),
        "fi": ("aihe", "otsikko"), "tr": ("konu",), "ru": ("тема",),
    },
    "priority": {
        "pl": ("priorytet",), "cs": ("priorita",), "sv": ("prioritet",), "da": ("prioritet",), "no": ("prioritet",),
        "fi": ("prioriteetti", "kiireellisyys"), "tr": ("öncelik",), "ru": ("приоритет",),
    },
    "channel": {
        "pl": ("kanał",), "cs": ("kanál",), "sv": ("kanal",), "fi": ("kanava",), "ru": ("канал",),
    },
    "requester": {
        "pl": ("zgłaszający",), "cs": ("žadatel", "zadavatel"), "sv": ("anmälare", "beställare"),
        "da": ("anmelder",), "no": ("innmelder", "melder"), "fi": ("ilmoittaja", "pyytäjä"),
        "tr": ("talep eden", "bildiren"), "ru": ("заявитель", "инициатор"),
    },
    "status": {
        "pl": ("status",), "cs": ("stav",), "sv": ("status",), "fi": ("tila",), "ru": ("состояние",),
    },
    "created_at": {
        "pl": ("data rejestracji",), "cs": ("datum registrace",), "sv": ("registreringsdatum",),
        "da": (), "no": ("registrert",), "fi": ("luontiaika", "luotu pvm"),
        "ru": ("дата регистрации",),
    },
    "updated_at": {
        "pl": ("ostatnia modyfikacja", "ostatnia zmiana"), "cs": ("poslední změna", "aktualizováno"),
        "sv": ("senast uppdaterad",), "da": ("sidst opdateret",), "no": ("sist oppdatert",),
        "fi": ("viimeksi muokattu", "muokkauspäivä"), "tr": ("değiştirilme tarihi",),
        "ru": ("обновлено",),
    },
    # Deals.
    "deal_name": {
        "pl": ("nazwa szansy", "szansa sprzedaży", "nazwa transakcji"),
        "cs": ("název obchodu", "obchodní případ", "obchodní příležitost"),
        "sv": ("affärsmöjlighet", "affärsnamn"), "da": ("salgsmulighed",), "no": ("salgsmulighet",),
        "fi": ("myyntimahdollisuus",), "tr": ("fırsat", "fırsat adı"), "ru": ("название сделки", "сделка"),
    },
    "amount": {
        "pl": ("wartość szansy", "wartość transakcji"), "cs": ("hodnota obchodu",), "sv": ("affärsvärde",),
        "fi": ("kaupan arvo",), "tr": ("fırsat tutarı",), "ru": ("сумма сделки",),
    },
    "stage": {
        "pl": ("etap sprzedaży", "faza"), "cs": ("fáze", "fáze obchodu"), "sv": ("säljfas", "affärsfas", "säljsteg"),
        "da": ("fase", "salgsfase"), "no": ("fase", "salgsfase"), "fi": ("vaihe", "myyntivaihe"),
        "tr": ("aşama", "satış aşaması"), "ru": ("стадия", "этап", "стадия сделки", "этап сделки"),
    },
    "probability": {
        "pl": ("prawdopodobieństwo",), "cs": ("pravděpodobnost",), "sv": ("sannolikhet",),
        "da": ("sandsynlighed",), "no": ("sannsynlighet",), "fi": ("todennäköisyys",), "tr": ("olasılık",),
        "ru": ("вероятность",),
    },
    "close_date": {
        "pl": ("planowana data zamknięcia", "przewidywana data zamknięcia"),
        "cs": ("datum uzavření", "předpokládané datum uzavření"),
        "sv": ("förväntat avslutsdatum", "avslutsdatum"), "da": ("forventet lukkedato", "lukkedato"),
        "no": ("forventet lukkedato", "lukkedato"), "fi": ("arvioitu sulkemispäivä", "sulkemispäivä"),
        "tr": ("kapanış tarihi", "tahmini kapanış tarihi"),
        "ru": ("дата закрытия", "планируемая дата закрытия", "предполагаемая дата закрытия"),
    },
    "lead_source": {
        "pl": ("źródło", "źródło pozyskania"), "cs": ("zdroj",), "sv": ("källa", "leadkälla"),
        "da": ("kilde", "leadkilde"), "no": ("kilde", "leadkilde"), "fi": ("lähde", "liidin lähde"),
        "tr": ("kaynak",), "ru": ("источник", "источник лида", "источник сделки"),
    },
    "owner": {
        "cs": ("vlastník",), "sv": ("ägare", "ansvarig"), "da": ("ejer", "ansvarlig"), "no": ("eier", "ansvarlig"),
        "fi": ("omistaja",), "tr": ("sorumlu",), "ru": ("ответственный", "владелец"),
    },
    # Companies and customers.
    "company": {
        "tr": ("ticari ünvan", "cari ünvanı"),
    },
    "tax_id": {
        "pl": ("nr vat", "numer vat"), "cs": ("dič",), "tr": ("vergi kimlik numarası",),
        "ru": ("инн организации",),
    },
    "industry": {
        "da": ("branche",), "ru": ("сфера деятельности",), "pl": ("sektor",),
    },
    "employees": {
        "pl": ("liczba zatrudnionych",), "cs": ("počet pracovníků",), "sv": ("anställda",), "da": ("ansatte",),
        "no": ("ansatte",), "ru": ("число сотрудников",),
    },
    "revenue": {
        "cs": ("obrat", "tržby"), "fi": ("liikevaihto",), "tr": ("yıllık ciro",), "sv": ("årsomsättning",),
        "ru": ("годовой оборот", "оборот"),
    },
    "website": {
        "pl": ("adres www",), "cs": ("web", "webová adresa"), "sv": ("webbsida",), "tr": ("web adresi",),
        "ru": ("веб-сайт", "адрес сайта"),
    },
    "country": {
        "pl": ("kod kraju",), "cs": ("kód země",), "sv": ("landskod",), "da": ("landekode",), "no": ("landkode",),
        "fi": ("maakoodi",), "tr": ("ülke kodu",), "ru": ("код страны",),
    },
    "customer_group": {
        "pl": ("grupa klientów", "grupa cenowa"), "cs": ("skupina zákazníků", "cenová skupina"),
        "sv": ("kundgrupp", "kundkategori"), "da": ("kundegruppe",), "no": ("kundegruppe",),
        "fi": ("asiakasryhmä",), "tr": ("müşteri grubu", "cari grubu"), "ru": ("группа клиентов", "группа покупателей"),
    },
    "salutation": {
        "pl": ("zwrot grzecznościowy",), "cs": ("oslovení",), "sv": ("tilltal",), "tr": ("hitap",),
        "ru": ("обращение",),
    },
}
# fmt: on


def merge_into(lexicon: dict[str, dict[str, tuple[str, ...]]]) -> None:
    """Add these phrases to a lexicon of the same shape, after a language's own (none lost, none repeated)."""
    for concept, by_language in DEPTH2_LEXICON.items():
        own = lexicon.setdefault(concept, {})
        for language, phrases in by_language.items():
            own[language] = tuple(dict.fromkeys(own.get(language, ()) + phrases))
