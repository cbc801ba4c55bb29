"""The multilingual lexicon: header phrases per concept in French, Spanish, German, Portuguese, Italian and Dutch,
plus the vocabularies of common export tools (vendor field names, once split into words); more languages are in
`lexicon_more`, merged here.

Data only, kept reviewable: one entry per concept, one line per language. Phrases are written as a person types
them (accents and case allowed); `synonyms` folds them (`normalize.tokens`) and merges them with the core
vocabulary of `synonyms.CONCEPTS`. A phrase names the concept when it is the whole header or the header minus
qualifier words; a phrase that means different things in two languages goes to both concepts (the template's
fields decide), never to one at random.
"""

from __future__ import annotations

from ferry.agent.lexicon_depth import merge_into as merge_depth
from ferry.agent.lexicon_depth2 import merge_into as merge_depth2
from ferry.agent.lexicon_more import MORE_LEXICON, MORE_NAME_WORDS, MORE_UNSPACED_GLOSSES
from ferry.agent.lexicon_wider import WIDER_UNSPACED_GLOSSES
from ferry.agent.lexicon_wider import merge_into as merge_wider

# fmt: off
LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "first_name": {
        "pt": ("nome", "primeiro nome", "nome próprio", "nome de batismo"),
        "it": ("nome", "nome di battesimo", "primo nome"),
        "nl": ("voornaam", "roepnaam"),
        "vendor": ("given names", "first names", "contact first", "person first name"),
    },
    "last_name": {
        "fr": ("nom", "nom de naissance", "nom d usage"),
        "pt": ("sobrenome", "apelido", "último nome", "nome de família"),
        "it": ("cognome",),
        "nl": ("achternaam", "familienaam", "tussenvoegsel achternaam"),
        "vendor": ("family names", "last names", "contact last"),
    },
    "full_name": {
        "es": ("nombre", "nombre y apellidos", "nombre del contacto"),
        "fr": ("nom du contact", "nom prénom", "prénom nom"),
        "pt": ("nome", "nome completo", "nome do contato", "nome do contacto"),
        "it": ("nome", "nome completo", "nome e cognome", "nominativo", "nome del contatto"),
        "nl": ("naam", "volledige naam", "naam contactpersoon", "contactpersoon"),
        "de": ("vollständiger name", "name des kontakts"),
        "vendor": ("user full name", "member name", "subscriber name", "customer full name"),
    },
    "email": {
        "fr": ("e-mail", "mél", "adresse courriel"),
        "pt": ("endereço de email", "endereço de e-mail", "correio eletrónico", "correio eletrônico"),
        "it": ("indirizzo email", "posta elettronica", "indirizzo di posta elettronica"),
        "nl": ("e-mailadres", "emailadres", "mailadres"),
        "vendor": ("emails", "email addresses", "email value", "primary email address", "user email"),
    },
    "phone": {
        "en": ("fixed phone", "fixed line", "fixed telephone", "landline phone", "landline number"),
        "pt": ("telefone", "número de telefone", "fone", "telefone fixo"),
        "it": ("telefono", "numero di telefono", "tel fisso", "telefono fisso"),
        "nl": ("telefoon", "telefoonnummer", "tel nr", "vaste telefoon", "vast nummer"),
        "fr": ("téléphone fixe", "tél", "numéro de tel", "fixe"),
        "es": ("teléfono fijo",), "de": ("festnetznummer", "festnetztelefon"),
        "vendor": ("phones", "phone numbers", "phone value", "telephone number 1", "phone no", "contact number"),
    },
    "mobile": {
        "pt": ("celular", "telemóvel", "telefone celular"),
        "it": ("cellulare", "telefono cellulare"),
        "nl": ("mobiel", "mobiele telefoon", "mobiel nummer", "gsm"),
        "fr": ("mobile", "portable", "téléphone mobile", "gsm"),
        "vendor": ("cellphone number", "mobile phone number", "cell number"),
    },
    "fax": {
        "pt": ("número de fax",), "it": ("numero di fax",), "nl": ("faxnummer",), "de": ("faxnummer",),
    },
    "company": {
        "fr": ("raison sociale", "nom de la société", "nom société", "organisation", "nom de l organisation"),
        "es": ("razón social", "nombre comercial", "sociedad"),
        "pt": ("empresa", "nome da empresa", "razão social", "organização", "companhia"),
        "it": ("azienda", "ragione sociale", "società", "nome azienda", "ditta", "impresa"),
        "nl": ("bedrijf", "bedrijfsnaam", "organisatie", "firma", "onderneming"),
        "de": ("firmenbezeichnung", "unternehmensname", "organisation"),
        "en": ("enterprise", "enterprise name", "firm name", "corporation"),
        "vendor": ("organization name", "org name", "account company", "company display name", "employer name",
                   "entity name", "legal entity", "legal name", "nom entité", "entité"),
    },
    "website": {
        "pt": ("site", "sítio web", "página web", "endereço web"),
        "it": ("sito", "sito web", "sito internet", "pagina web"),
        "nl": ("website", "webadres", "internetadres"),
        "de": ("internet", "internetadresse", "homepage url"),
        "fr": ("site internet", "adresse web"),
        "vendor": ("website url", "web url", "company url", "domain name", "homepage url", "site url"),
    },
    "job_title": {
        # An HR export's 'Function' is the job, as 'Funktion', 'fonction' and 'functie' are.
        "en": ("function", "job function"),
        "pt": ("cargo", "função", "profissão"),
        "it": ("ruolo", "qualifica", "mansione", "posizione", "titolo professionale"),
        "nl": ("functie", "functietitel", "beroep"),
        "fr": ("intitulé du poste", "profession"),
        "de": ("position", "jobtitel", "beruf"),
    },
    "created_at": {
        "pt": ("data de criação", "criado em", "data de cadastro", "data de registo"),
        "it": ("data di creazione", "creato il", "data di registrazione", "data inserimento"),
        "nl": ("aangemaakt", "aangemaakt op", "datum aangemaakt", "registratiedatum"),
        "fr": ("date de création", "créé le", "date d ajout"),
        "vendor": ("first seen", "first contact", "date entered", "created time", "creation time", "created on date",
                   "insert date", "record created", "subscribed since", "subscribed at", "subscription date",
                   "date subscribed", "signup date", "sign up date", "joined at", "date joined", "member since",
                   "opened at", "opened on", "date opened"),
    },
    "updated_at": {
        "pt": ("data de atualização", "atualizado em", "data de modificação"),
        "it": ("data di modifica", "modificato il", "ultima modifica"),
        "nl": ("gewijzigd", "gewijzigd op", "laatst gewijzigd", "bijgewerkt"),
        "vendor": ("last seen", "date modified", "modified time", "last update", "updated on"),
    },
    "birth_date": {
        "pt": ("data de nascimento", "aniversário"),
        "it": ("data di nascita", "compleanno"),
        "nl": ("geboortedatum", "verjaardag"),
    },
    "country": {
        "it": ("paese", "nazione"),
        "pt": ("país",),
        "nl": ("land", "landcode"),
        "vendor": ("country iso", "country iso code", "iso country"),
    },
    "state": {
        "pt": ("estado", "província", "uf"),
        "it": ("provincia", "regione"),
        "nl": ("provincie", "staat"),
        "de": ("region",),
    },
    "city": {
        "pt": ("cidade", "município", "localidade"),
        "it": ("città", "comune", "località"),
        "nl": ("stad", "plaats", "woonplaats", "gemeente"),
        "vendor": ("city name", "town city"),
        # where a work was published: a bibliographic export's city
        "publication": ("place published", "place of publication", "publication place", "erscheinungsort",
                        "verlagsort", "lieu de publication", "lugar de publicación", "local de publicação",
                        "luogo di pubblicazione", "plaats van uitgave"),
    },
    "postal_code": {
        "pt": ("cep", "código postal"),
        "it": ("cap", "codice postale", "codice di avviamento postale"),
        "nl": ("postcode",),
        "es": ("cp", "código postal", "cod postal"),
        "vendor": ("zipcode", "zip postal code", "postal"),
    },
    "street": {
        "pt": ("endereço", "morada", "rua", "logradouro"),
        "it": ("indirizzo", "via"),
        "nl": ("adres", "straat", "straatnaam"),
        "de": ("straße", "strasse und hausnummer", "straße hausnummer"),
        # an address's numbered lines: 'Line 1' beside 'Line 2' (read as street2 already), as address blocks write them
        "vendor": ("address line one", "street line 1", "address street", "street 1", "line 1"),
    },
    "street2": {
        "en": ("address line 2", "address 2", "street 2", "address2", "street line 2", "address line two",
               "apartment", "suite", "unit number", "address supplement"),
        "de": ("adresszusatz", "zusatz"),
        "fr": ("complément d adresse", "adresse 2"),
        "es": ("dirección 2",),
        "pt": ("complemento",),
        "it": ("indirizzo 2",),
        "nl": ("adres 2",),
    },
    "status": {
        "pt": ("situação", "estado do cliente"),
        "it": ("stato", "stato del cliente"),
        "nl": ("status klant",),
    },
    "notes": {
        "en": ("additional information", "additional info", "further information"),
        "pt": ("observações", "notas", "comentários"),
        "it": ("note", "osservazioni", "commenti"),
        "nl": ("notities", "opmerkingen", "aantekeningen"),
        "vendor": ("internal notes", "background", "remarks text"),
    },
    "description": {
        "en": ("content", "body", "long description", "full description", "sales description", "sell description",
               "selling description", "product description"),
        "pt": ("descrição",),
        "it": ("descrizione",),
        "nl": ("omschrijving", "beschrijving"),
        "fr": ("descriptif",),
        "vendor": ("long description", "short description", "body", "details text"),
    },
    "id": {
        "pt": ("código", "identificador"),
        "it": ("codice", "identificativo", "codice cliente"),
        "nl": ("klantnummer", "nummer"),
        "de": ("nummer", "adressnummer", "kontonummer"),
        "es": ("código", "identificador", "cod"),
        "vendor": ("record number", "external ref", "reference id", "record key"),
    },
    "gender": {
        "pt": ("sexo", "gênero", "género"), "it": ("sesso", "genere"), "nl": ("geslacht",),
    },
    "industry": {
        "pt": ("setor", "ramo de atividade", "indústria"),
        "it": ("settore", "industria", "settore di attività"),
        "nl": ("branche", "sector", "industrie"),
        "de": ("wirtschaftszweig", "unternehmensgegenstand"),
        "fr": ("secteur d activité",),
        "es": ("sector", "actividad"),
        "vendor": ("sector name", "industry name", "vertical market", "business type"),
    },
    "revenue": {
        "pt": ("receita", "faturamento", "faturação", "receita anual"),
        "it": ("fatturato", "ricavi", "fatturato annuo"),
        "nl": ("omzet", "jaaromzet"),
        "fr": ("ca", "chiffre d affaires annuel"),
        "es": ("facturación anual", "ingresos anuales"),
    },
    "employees": {
        "pt": ("funcionários", "número de funcionários", "empregados"),
        "it": ("dipendenti", "numero di dipendenti", "numero dipendenti"),
        "nl": ("medewerkers", "aantal medewerkers", "werknemers", "aantal werknemers"),
        "fr": ("nombre d employés", "salariés", "nombre de salariés"),
    },
    "amount": {
        "pt": ("valor", "valor do negócio", "montante", "valor da oportunidade"),
        "it": ("importo", "valore", "valore dell opportunità", "ammontare"),
        "nl": ("bedrag", "waarde", "dealwaarde"),
        "fr": ("valeur", "montant de l affaire"),
        "es": ("valor", "importe del negocio", "monto del negocio"),
        "de": ("dealwert", "auftragswert", "volumen"),
        "vendor": ("quote amount", "deal value amount", "opportunity value", "deal size",
                   "budget", "budget amount", "potential value"),
    },
    "close_date": {
        "pt": ("data de fechamento", "data de fecho", "data prevista de fechamento"),
        "it": ("data di chiusura", "data chiusura prevista"),
        "nl": ("sluitingsdatum", "verwachte sluitingsdatum"),
        "vendor": ("expected close", "estimated close date", "target close date", "won date", "decision date"),
    },
    "stage": {
        "pt": ("etapa", "fase", "estágio", "etapa do funil"),
        "it": ("fase", "fase di vendita", "stadio"),
        "nl": ("fase", "verkoopfase", "stadium"),
        "de": ("stufe", "vertriebsphase"),
        "vendor": ("sales stage", "deal stage name", "pipeline step", "opportunity stage name"),
    },
    "lead_source": {
        "pt": ("origem", "fonte", "origem do lead", "canal"),
        "it": ("origine", "fonte", "canale", "provenienza"),
        "nl": ("bron", "herkomst", "leadbron", "kanaal"),
    },
    "owner": {
        "pt": ("responsável", "proprietário", "dono"),
        "it": ("responsabile", "proprietario", "assegnato a"),
        "nl": ("eigenaar", "verantwoordelijke", "toegewezen aan"),
        "vendor": ("assigned user", "record owner", "sales owner"),
    },
    "department": {
        "pt": ("departamento", "setor interno"), "it": ("reparto", "dipartimento", "ufficio"),
        "nl": ("afdeling",), "fr": ("service",),
    },
    "probability": {
        "pt": ("probabilidade",), "it": ("probabilità",), "nl": ("kans", "waarschijnlijkheid", "slagingskans"),
        "vendor": ("win chance", "probability percent", "chance of success"),
    },
    "deal_name": {
        "pt": ("nome do negócio", "negócio", "oportunidade", "nome da oportunidade"),
        "it": ("nome dell opportunità", "opportunità", "trattativa", "nome trattativa"),
        "nl": ("dealnaam", "naam van de deal", "verkoopkans", "opportunity naam"),
        "vendor": ("title", "deal title", "opportunity title", "opportunity subject", "lead name"),
    },
    "currency": {
        "pt": ("moeda",), "it": ("valuta",), "nl": ("valuta", "munteenheid"),
    },
    "type": {
        "pt": ("tipo de conta",), "it": ("tipo", "tipologia", "tipo di conto"), "nl": ("soort", "type klant"),
    },
    "category": {
        "en": ("category", "categories", "product category", "product type", "group", "product group", "family",
               "product family", "collection", "topic", "classification", "main issue", "issue type",
               # a bug tracker's part of the product (Jira 'Component/s', Trac, Bugzilla), a shop's taxonomy node
               # (Spree, Solidus, Sylius 'taxons')
               "component", "components", "component s", "taxon", "taxons", "main taxon", "taxonomy"),
        "de": ("kategorie", "warengruppe", "produktgruppe", "produktkategorie"),
        "fr": ("catégorie", "famille", "famille de produits"),
        "es": ("categoría", "familia", "grupo", "cod familia"),
        "pt": ("categoria", "família", "grupo de produtos"),
        "it": ("categoria", "famiglia", "gruppo merceologico"),
        "nl": ("categorie", "productgroep", "groep"),
    },
    "manager": {
        "pt": ("gerente", "gestor", "chefe", "superior"),
        "it": ("responsabile diretto", "capo", "superiore"),
        "nl": ("leidinggevende", "manager", "chef"),
        "vendor": ("reporting manager", "line manager", "direct manager", "manager name", "director",
                   "reporting to", "report to", "reports to manager", "supervisor name"),
    },
    "tags": {
        "pt": ("etiquetas", "marcadores"), "it": ("etichette", "parole chiave"), "nl": ("labels", "trefwoorden"),
        "vendor": ("keywords", "segments", "lists", "labels list"),
    },
    "language": {
        "pt": ("idioma", "língua"), "it": ("lingua",), "nl": ("taal",),
        "vendor": ("locale code", "lang"),
    },
    "salutation": {
        "pt": ("tratamento", "título de tratamento"), "it": ("titolo", "appellativo"), "nl": ("aanhef",),
        "fr": ("civilité",), "de": ("anrede",),
        "vendor": ("name prefix", "courtesy title", "title", "name title", "civility", "form of address"),
    },
    "middle_name": {
        "pt": ("nome do meio",), "it": ("secondo nome",), "nl": ("tussenvoegsel", "middelste naam"),
    },
    "opt_in": {
        "pt": ("consentimento marketing", "aceita marketing"), "it": ("consenso marketing",),
        "nl": ("nieuwsbrief",),
        "vendor": ("accepts marketing", "email marketing consent", "marketing opt in", "has newsletter",
                   "subscribed to emails", "subscribed to newsletter", "newsletter subscription", "email subscription",
                   "accepts email marketing", "receive newsletter", "email opt in status"),
    },
    # Products, stock and catalogues.
    "sku": {
        "en": ("sku", "article number", "item number", "product code", "item code", "part number", "reference",
               "ref", "internal part number", "ipn", "product number", "variant sku", "mpn"),
        "de": ("artikelnummer", "artikel nr", "art nr", "bestellnummer"),
        "fr": ("référence", "code article", "réf"),
        "es": ("referencia", "código de artículo", "código de producto"),
        "pt": ("referência", "código do produto"),
        "it": ("codice articolo", "codice prodotto", "riferimento"),
        "nl": ("artikelnummer", "artikelcode"),
    },
    "product_name": {
        "en": ("product name", "product", "item name", "product title", "item", "part name"),
        "de": ("produktname", "artikelname", "artikelbezeichnung", "bezeichnung"),
        "fr": ("nom du produit", "désignation", "libellé"),
        "es": ("nombre del producto", "producto", "artículo"),
        "pt": ("nome do produto", "produto"),
        "it": ("nome prodotto", "prodotto", "articolo"),
        "nl": ("productnaam", "product"),
    },
    "price": {
        "en": ("price", "selling price", "unit price", "retail price", "list price", "msrp", "regular price",
               "sell price", "base price", "standard price", "normal price", "rate", "unit rate", "selling rate"),
        "de": ("preis", "verkaufspreis", "listenpreis", "vk preis"),
        "fr": ("prix", "prix de vente", "prix unitaire"),
        "es": ("precio", "precio de venta", "pvp"),
        "pt": ("preço", "preço de venda"),
        "it": ("prezzo", "prezzo di vendita", "prezzo unitario"),
        "nl": ("prijs", "verkoopprijs"),
    },
    "sale_price": {
        # not Shopify's 'compare at price': that is the regular price a sale is compared with
        "en": ("sale price", "special price", "discount price", "discounted price", "promo price", "offer price"),
        "de": ("sonderpreis", "angebotspreis", "aktionspreis"),
        "fr": ("prix promo", "prix soldé", "prix spécial"),
        "es": ("precio oferta", "precio especial", "precio rebajado"),
        "pt": ("preço promocional",), "it": ("prezzo scontato", "prezzo speciale"), "nl": ("actieprijs",),
    },
    "cost": {
        "en": ("cost", "cost price", "purchase price", "unit cost", "buying price", "wholesale price"),
        "de": ("einkaufspreis", "ek preis", "kosten", "selbstkosten"),
        "fr": ("prix d achat", "coût", "coût unitaire"),
        "es": ("coste", "costo", "precio de compra"),
        "pt": ("custo", "preço de custo"), "it": ("costo", "prezzo di acquisto"), "nl": ("kostprijs", "inkoopprijs"),
    },
    "stock_quantity": {
        "en": ("stock", "stock quantity", "quantity in stock", "in stock", "on hand", "stock on hand", "qty on hand",
               "inventory", "inventory quantity", "inventories", "stock level", "available quantity", "quantity"),
        "de": ("bestand", "lagerbestand", "menge", "lagermenge"),
        "fr": ("quantité en stock", "quantité", "inventaire"),
        "es": ("existencias", "stock físico", "stockfis", "cantidad"),
        "pt": ("estoque", "quantidade em estoque", "quantidade"),
        "it": ("giacenza", "quantità", "magazzino"),
        "nl": ("voorraad", "aantal op voorraad", "hoeveelheid"),
    },
    "unit": {
        # A medicine's dosage form (tablet, capsule, vial) is the unit it is counted and issued in.
        "en": ("unit", "unit of measure", "uom", "unit type", "measurement unit", "part unit", "units", "dosage form"),
        "de": ("einheit", "mengeneinheit", "maßeinheit"),
        "fr": ("unité", "unité de mesure"), "es": ("unidad", "unidad de medida"),
        "pt": ("unidade", "unidade de medida"), "it": ("unità", "unità di misura"), "nl": ("eenheid",),
    },
    "weight": {
        "en": ("weight", "mass", "net weight", "gross weight", "shipping weight", "grams", "kilograms"),
        "de": ("gewicht", "nettogewicht"), "fr": ("poids",), "es": ("peso",), "pt": ("peso",), "it": ("peso",),
        "nl": ("gewicht",),
    },
    "brand": {
        # fashion names a product's brand after its designer ('designer': 'havaianas')
        "en": ("brand", "brand name", "make", "label brand", "designer", "designer label"),
        "de": ("marke", "hersteller marke"), "fr": ("marque",), "es": ("marca",), "pt": ("marca",),
        "it": ("marca", "marchio"), "nl": ("merk",),
    },
    # 'producer' names the maker and the one a shop buys from alike, in every language read here
    "manufacturer": {
        "en": ("manufacturer", "maker", "producer", "vendor brand"),
        "de": ("hersteller", "produzent"), "fr": ("fabricant", "producteur"), "es": ("fabricante", "productor"),
        "pt": ("fabricante", "produtor"), "it": ("produttore",), "nl": ("fabrikant", "producent"),
    },
    "supplier": {
        # the giver of donated goods is their source ('donor' had been corrected to Portuguese 'dono', an owner)
        "en": ("supplier", "vendor", "supplier name", "vendor name", "distributor", "producer", "purchased from",
               "purchase from", "bought from", "donor", "donor name", "donated by"),
        "de": ("lieferant", "zulieferer", "produzent"), "fr": ("fournisseur", "producteur"),
        "es": ("proveedor", "productor"), "pt": ("fornecedor", "produtor"), "it": ("fornitore", "produttore"),
        "nl": ("leverancier", "producent"),
    },
    "images": {
        "en": ("images", "image", "image url", "photo", "photos", "picture", "pictures", "assets", "media",
               "thumbnail", "image file", "media url", "image urls", "picture url", "photo url", "image src"),
        "de": ("bild", "bilder", "foto"), "fr": ("image", "photo"), "es": ("imagen", "imágenes", "foto"),
        "pt": ("imagem", "imagens", "foto"), "it": ("immagine", "immagini", "foto"), "nl": ("afbeelding", "foto"),
    },
    "barcode": {
        "en": ("barcode", "ean", "upc", "gtin", "ean13", "isbn", "bar code"),
        "de": ("strichcode", "ean code"), "fr": ("code barre", "code barres"), "es": ("código de barras",),
        "pt": ("código de barras",), "it": ("codice a barre",), "nl": ("streepjescode",),
    },
    "tax_class": {
        "en": ("tax class", "tax category", "tax category name", "tax rate", "vat rate", "tax code", "tax"),
        "de": ("steuerklasse", "steuersatz", "mwst satz", "steuer"),
        "fr": ("taux de tva", "classe de taxe", "tva"),
        "es": ("impuesto", "tipo de iva", "iva", "cod impuesto"),
        "pt": ("imposto", "taxa de iva", "classe de imposto"),
        "it": ("aliquota iva", "classe fiscale", "iva"),
        "nl": ("btw tarief", "btw"),
    },
    "tax_id": {
        # National names of a tax registration number (India's GSTIN, Australia's ABN, Italy's tax code, ...).
        "en": ("vat number", "vat id", "vatid", "tax id", "tax number", "ein", "vat", "vat no", "vat reg no",
               "vat registration number", "tax code", "tax no", "tax reg no", "tax registration number",
               "tax identification number", "tin", "gstin", "gstin no", "gst number", "gst no", "gst id", "abn",
               "trn", "uen", "pan number"),
        "de": ("ust id", "umsatzsteuer id", "steuernummer", "ustidnr", "eu ust idnr",
               # as written, its abbreviations capitalised (Umsatzsteuer-Identifikationsnummer)
               "USt-IdNr", "EU-USt-IdNr", "USt-ID", "umsatzsteuer identifikationsnummer"),
        "fr": ("numéro de tva", "siret", "siren", "tva intracommunautaire"),
        "es": ("nif", "cif", "número de identificación fiscal"),
        "pt": ("nif", "cnpj", "cpf", "número de contribuinte"),
        "it": ("partita iva", "codice fiscale", "p iva"),
        "nl": ("btw nummer", "kvk nummer"),
    },
    # People at work (HR).
    "hire_date": {
        "en": ("hire date", "start date", "date of joining", "joining date", "date hired", "employment start",
               "date of hire", "hired on"),
        "de": ("eintrittsdatum", "einstellungsdatum"), "fr": ("date d embauche", "date d entrée"),
        "es": ("fecha de contratación", "fecha de ingreso"), "pt": ("data de admissão", "data de contratação"),
        "it": ("data di assunzione",), "nl": ("datum in dienst", "startdatum"),
    },
    "end_date": {
        "en": ("end date", "termination date", "date of leaving", "leaving date", "exit date", "last working day",
               "separation date"),
        "de": ("austrittsdatum", "enddatum"), "fr": ("date de sortie", "date de fin"),
        "es": ("fecha de baja", "fecha de fin"), "pt": ("data de demissão", "data de saída"),
        "it": ("data di cessazione", "data fine"), "nl": ("datum uit dienst", "einddatum"),
    },
    "employment_type": {
        "en": ("employment type", "employment status", "contract type", "employee type", "worker type"),
        "de": ("beschäftigungsart", "vertragsart"), "fr": ("type de contrat",), "es": ("tipo de contrato",),
        "pt": ("tipo de contrato", "vínculo"), "it": ("tipo di contratto",), "nl": ("contractvorm", "dienstverband"),
    },
    "salary": {
        "en": ("salary", "base salary", "pay", "wage", "annual salary", "compensation", "basic salary", "basic pay",
               "gross salary", "monthly salary", "daily salary", "pay rate", "rate of pay", "salary amount"),
        "de": ("gehalt", "lohn", "grundgehalt", "bruttogehalt", "monatsgehalt"),
        "fr": ("salaire", "salaire de base", "salaire brut", "salaire mensuel"),
        "es": ("salario", "sueldo", "salario base", "sueldo base", "salario bruto"),
        "pt": ("salário", "salário base", "salário bruto"), "it": ("stipendio", "retribuzione", "stipendio base"),
        "nl": ("salaris", "loon", "basissalaris", "brutosalaris"),
    },
    "location": {
        "en": ("location", "office", "site", "work location", "office location", "branch", "facility",
               "home facility", "workplace", "place of work", "work site", "duty station"),
        "de": ("standort", "niederlassung"), "fr": ("site", "établissement", "lieu"), "es": ("ubicación", "sede"),
        "pt": ("localização", "local", "filial"), "it": ("sede", "ufficio", "ubicazione"),
        "nl": ("locatie", "vestiging"),
    },
    # Publications (bibliographic exports: Scopus, Web of Science, Zotero, Dublin Core, repository batch sheets).
    "authors": {
        "en": ("authors", "author", "author names", "author s", "creator", "creators", "author list", "writers",
               # a letter's or a message's writer
               "sender"),
        "de": ("autor", "autoren", "verfasser", "absender"), "fr": ("auteur", "auteurs"), "es": ("autor", "autores"),
        "pt": ("autor", "autores"), "it": ("autore", "autori"), "nl": ("auteur", "auteurs", "schrijver"),
    },
    "year": {
        "en": ("year", "publication year", "year of publication", "pub year", "year published", "date published",
               "publication date", "date of publication", "date issued", "issued", "copyright year",
               # Dublin Core's date a work was made ('dcterms:created', a repository's 'date created')
               "date created", "date of creation"),
        "de": ("jahr", "erscheinungsjahr", "publikationsjahr"), "fr": ("année", "année de publication"),
        "es": ("año", "año de publicación"), "pt": ("ano", "ano de publicação"),
        "it": ("anno", "anno di pubblicazione"), "nl": ("jaar", "publicatiejaar", "jaar van uitgave"),
    },
    "journal": {
        "en": ("journal", "source title", "journal title", "journal name", "periodical", "publication title",
               "container title", "magazine"),
        "de": ("zeitschrift", "zeitschriftentitel"), "fr": ("revue", "nom de la revue"), "es": ("revista",),
        "pt": ("revista", "periódico"), "it": ("rivista",), "nl": ("tijdschrift",),
    },
    "document_type": {
        "en": ("document type", "type of document", "publication type", "item type", "genre", "resource type",
               "work type", "reference type", "doc type", "type of reference", "type of publication"),
        "de": ("dokumenttyp", "publikationstyp", "dokumentart"), "fr": ("type de document", "type de publication"),
        "es": ("tipo de documento", "tipo de publicación"), "pt": ("tipo de documento", "tipo de publicação"),
        "it": ("tipo di documento", "tipologia documento"), "nl": ("documenttype", "publicatietype"),
    },
    "citations": {
        "en": ("citations", "cited by", "times cited", "citation count", "number of citations"),
        "de": ("zitationen", "zitiert von"), "fr": ("cité par", "nombre de citations"),
        "es": ("citas", "citado por"), "pt": ("citações", "citado por"), "it": ("citazioni", "citato da"),
        "nl": ("citaties", "aantal citaties"),
    },
    "doi": {
        "en": ("doi", "digital object identifier", "doi link", "doi url"),
    },
    # Support tickets.
    "subject": {
        "en": ("subject", "title", "summary", "issue", "ticket title", "case subject"),
        "de": ("betreff", "titel"), "fr": ("objet", "sujet", "titre"), "es": ("asunto", "título"),
        "pt": ("assunto", "título"), "it": ("oggetto", "titolo"), "nl": ("onderwerp", "titel"),
    },
    "priority": {
        "en": ("priority", "severity", "impact", "urgency", "importance"),
        "de": ("priorität", "dringlichkeit"), "fr": ("priorité", "urgence"), "es": ("prioridad", "urgencia"),
        "pt": ("prioridade",), "it": ("priorità", "urgenza"), "nl": ("prioriteit", "urgentie"),
    },
    "assignee": {
        "en": ("assignee", "assigned to", "assigned agent", "agent", "handler", "assigned user", "checked out to",
               "assigned", "technician", "borrowed by", "borrower", "loaned to", "lent to", "on loan to"),
        "de": ("bearbeiter", "zugewiesen an", "zuständig"), "fr": ("assigné à", "responsable", "technicien"),
        "es": ("asignado a", "agente", "técnico"), "pt": ("atribuído a", "agente", "técnico"),
        "it": ("assegnatario", "assegnato a", "tecnico"), "nl": ("behandelaar", "toegewezen aan"),
    },
    "requester": {
        "en": ("requester", "requester name", "reporter", "requested by", "reported by", "customer name", "caller",
               "author", "submitter", "submitted by", "opened by", "created by", "raised by"),
        "de": ("anfragender", "melder"), "fr": ("demandeur",), "es": ("solicitante",), "pt": ("solicitante",),
        "it": ("richiedente",), "nl": ("aanvrager", "melder"),
    },
    "channel": {
        "en": ("channel", "origin", "source channel", "via", "contact channel"),
        "de": ("kanal", "eingangskanal"), "fr": ("canal",), "es": ("canal",), "pt": ("canal",), "it": ("canale",),
        "nl": ("kanaal",),
    },
    # Assets.
    "employee_id": {
        "en": ("employee id", "employee number", "employee no", "staff id", "staff number", "badge id", "badge number",
               "badge no", "personnel number", "payroll number"),
    },
    "model_number": {
        "en": ("model number", "model no", "model nr", "model code"),
    },
    "serial_number": {
        "en": ("serial", "serial number", "serial no", "s n", "serialnumber"),
        "de": ("seriennummer",), "fr": ("numéro de série",), "es": ("número de serie",), "pt": ("número de série",),
        "it": ("numero di serie", "matricola"), "nl": ("serienummer",),
    },
    "purchase_date": {
        "en": ("purchase date", "date purchased", "bought on", "acquisition date", "order date", "purchase time",
               "purchased on", "purchased date", "purchased time", "date of purchase"),
        "de": ("kaufdatum", "anschaffungsdatum"), "fr": ("date d achat",), "es": ("fecha de compra",),
        "pt": ("data de compra",), "it": ("data di acquisto",), "nl": ("aankoopdatum",),
    },
    # the purchase order an asset was bought on, as asset and inventory exports shorten it ('po_number', 'PO #')
    "order_number": {
        "en": ("purchase order", "purchase order number", "po number"),
    },
    "purchase_cost": {
        "en": ("purchase cost", "purchase price", "cost", "acquisition cost"),
        "de": ("anschaffungskosten", "kaufpreis"), "fr": ("coût d achat",), "es": ("coste de compra",),
        "pt": ("custo de aquisição",), "it": ("costo di acquisto",), "nl": ("aanschafprijs",),
    },
    "end_of_life": {
        "en": ("end of life", "eol", "eol date", "retirement date", "end of life date"),
    },
    "warranty": {
        "en": ("warranty", "warranty months", "warranty period", "warranty length"),
        "de": ("garantie", "gewährleistung"), "fr": ("garantie",), "es": ("garantía",), "pt": ("garantia",),
        "it": ("garanzia",), "nl": ("garantie",),
    },
    "customer_group": {
        # A customer's category is the segment it belongs to (a bare 'category' stays a product's or a ticket's).
        "en": ("customer group", "price list", "segment", "customer segment", "customer type", "group",
               "customer category", "client category", "partner category", "contact category"),
        "de": ("kundengruppe", "preisliste"), "fr": ("groupe client", "catégorie client"),
        "es": ("grupo de clientes", "tarifa"), "pt": ("grupo de clientes",), "it": ("gruppo clienti", "listino"),
        "nl": ("klantgroep",),
    },
}
# fmt: on
# More languages (issue 12: Nordic, Slavic, Turkish, Indonesian, Greek, Japanese romaji...) live in their own module.
for _concept, _by_language in MORE_LEXICON.items():
    LEXICON.setdefault(_concept, {}).update(_by_language)
merge_depth(LEXICON)  # the big six in depth and more English (issue 12): lexicon_depth
merge_wider(LEXICON)  # phrases found missing on real files (round 49): lexicon_wider
merge_depth2(LEXICON)  # eight more languages in depth (issue 12): lexicon_depth2

# Words that only decorate a header in an export: units, currencies and markers ('Deal Amount (USD)').
NOISE_WORDS = frozenset(
    {
        "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "inr", "brl", "kg", "lbs",
        "jsonb", "json", "raw", "fmt", "formatted", "txt", "str", "val", "field", "col", "column", "attr",
    }
)  # fmt: skip

# Words that, at the end of a header, name the form of a value rather than the value ('sector_name', 'stage_id',
# 'account_type'): the rest of the header still says what the column is about, with a little less certainty.
SUFFIX_WORDS = frozenset({"name", "id", "ids", "code", "type", "text", "label", "key", "ref"})


# The word 'name' in other languages: a record's name when the template's records are not people ('nombre' of a
# carrier, 'Bezeichnung' of a product). Folded form, as `normalize.tokens` gives it.
NAME_WORDS = frozenset({"nombre", "nom", "naam", "nome", "bezeichnung", "denominacion", "designation", "razon social",
                        "ragione sociale", "raison sociale", "nazwa", "benaming"}) | MORE_NAME_WORDS  # fmt: skip


# The words a template's own records go by: in a header they name the record, not the column ('Asset Notes' in an
# assets template is the notes; 'companycity' in a companies template is the city).
ENTITY_WORDS: dict[str, tuple[str, ...]] = {
    "company": (
        "company", "companies", "account", "accounts", "organization", "organisation", "org", "firm", "supplier",
        "suppliers", "vendor", "vendors", "partner", "partners",  # an ERP's business partner (SAP's BP, round 53)
        # the same nouns in German, French, Spanish, Portuguese, Italian and Dutch (folded, singular and plural); the
        # words for 'company' itself are left out: there they are the evidence for the record's name
        "lieferant", "lieferanten", "fournisseur", "fournisseurs", "proveedor", "proveedores", "fornecedor",
        "fornecedores", "fornitore", "fornitori", "leverancier", "leveranciers",
    ),
    "contact": (
        "contact", "contacts", "person", "people", "lead", "leads",
        "kontakt", "kontakte", "kontakts", "personne", "personnes", "contacto", "contactos", "contato", "contatos",
        "contatto", "contatti", "persoon", "personen",
    ),
    "deal": (
        "deal", "deals", "opportunity", "opportunities",
        "verkaufschance", "verkaufschancen", "opportunite", "opportunites", "affaire", "affaires", "oportunidad",
        "oportunidades", "oportunidade", "negocio", "negocios", "opportunita", "trattativa", "trattative", "kans",
        "kansen",
    ),
    "product": (
        "product", "products", "item", "items", "variant", "variants", "article",
        "produkt", "produkte", "produkts", "artikel", "artikels", "produit", "produits", "articles", "producto",
        "productos", "articulo", "articulos", "produto", "produtos", "artigo", "artigos", "prodotto", "prodotti",
        "articolo", "articoli", "artikelen",
        # a shop's products as its catalog's entries ('CatalogBrandName', 'catalog_item_id')
        "catalog", "catalogue",
    ),
    "asset": (
        "asset", "assets", "device", "devices", "equipment", "item", "items",
        # a network's devices as monitoring systems call them ('Node_Label', 'node_id')
        "node", "nodes",
        "inventar", "gerat", "gerate", "geraet", "geraete", "betriebsmittel", "equipement", "equipements",
        "equipamento", "equipamentos", "cespite", "cespiti", "apparecchiatura", "apparaat", "apparaten",
        "bedrijfsmiddel",
    ),
    "ticket": (
        "ticket", "tickets", "task", "tasks", "case", "cases", "request", "requests", "issue", "issues", "incident",
        "incidents",
        "anfrage", "anfragen", "vorgang", "vorgange", "demande", "demandes", "solicitud", "solicitudes", "incidencia",
        "incidencias", "chamado", "chamados", "solicitacao", "richiesta", "richieste", "segnalazione", "melding",
        "meldingen",
    ),
    "employee": (
        "employee", "employees", "staff", "worker", "user", "users",
        "mitarbeiter", "mitarbeiters", "mitarbeiterin", "mitarbeitende", "angestellte", "angestellter", "employe",
        "employes", "empleado", "empleados", "funcionario", "funcionarios", "colaborador",
        "colaboradores", "dipendente", "dipendenti", "medewerker", "medewerkers", "werknemer", "werknemers",
    ),
    "customer": (
        "customer", "customers", "client", "clients",
        "kunde", "kunden", "kundin", "cliente", "clientes", "clienti", "klant", "klanten",
    ),
    "location": (
        "location", "locations", "site", "sites", "standort", "standorte", "lieu", "lieux", "ubicacion",
        "ubicaciones", "localizacao", "sede", "sedi", "locatie", "locaties", "vestiging", "vestigingen",
    ),
    "subscriber": (
        "subscriber", "subscribers", "member", "members", "subscription",
        "abonnent", "abonnenten", "abonne", "abonnes", "suscriptor", "suscriptores", "assinante", "assinantes",
        "iscritto", "iscritti", "abonnee", "abonnees",
    ),
    # a published work: a paper, a blog's or a newsletter's post ('post_id', 'post_date' in a posts export)
    "publication": (
        "publication", "publications", "post", "posts", "paper", "papers",
        "publikation", "publikationen", "veroffentlichung", "veroffentlichungen", "publicacion", "publicaciones",
        "publicacao", "publicacoes", "pubblicazione", "pubblicazioni", "publicatie", "publicaties",
    ),
}  # fmt: skip


def phrases(*, languages_of_more: bool = True) -> dict[str, tuple[str, ...]]:
    """Every concept's phrases of every language, in one tuple per concept (without `lexicon_more`'s, if asked)."""
    more = {language for by_language in MORE_LEXICON.values() for language in by_language}
    return {
        concept: tuple(
            p for language, group in langs.items() if languages_of_more or language not in more for p in group
        )
        for concept, langs in LEXICON.items()
    }


# Header words in scripts written without spaces (Japanese, Chinese): each term and its English gloss, which the
# English vocabulary above then reads ('商品名' → 'product name', '販売価格' → 'sale price'). Tokenisation takes the
# longest term at each position (ferry.agent.normalize.gloss_unspaced), so compounds read word by word; characters
# no term covers are dropped, as punctuation is. Field concepts of shops, CRMs, HR and help desks, not one export.
# fmt: off
UNSPACED_GLOSSES: dict[str, str] = {
    # --- Japanese
    "商品": "product", "製品": "product", "品名": "product name", "品目": "item", "名前": "name", "名称": "name",
    "氏名": "full name", "姓": "last name", "苗字": "last name", "名字": "last name", "名": "name",
    "会社": "company", "会社名": "company name", "企業": "company", "法人": "company", "組織": "organization",
    "取引先": "account", "顧客": "customer", "会員": "member", "社員": "employee", "従業員": "employee",
    "メール": "email", "メールアドレス": "email address", "電子メール": "email", "Ｅメール": "email",
    "電話": "phone", "電話番号": "phone number", "携帯": "mobile", "携帯電話": "mobile phone", "ファックス": "fax",
    "住所": "address", "郵便番号": "postal code", "都道府県": "state", "市区町村": "city", "番地": "street",
    "国": "country", "国名": "country",
    "価格": "price", "通常価格": "regular price", "販売価格": "sale price", "定価": "list price", "単価": "unit price",
    "原価": "cost", "仕入価格": "cost price", "金額": "amount", "売上": "revenue", "税": "tax", "税区分": "tax class",
    "在庫": "stock", "在庫数": "stock quantity", "数量": "quantity", "重量": "weight", "単位": "unit",
    "説明": "description", "詳細": "detail", "一覧": "list", "備考": "notes", "メモ": "notes",
    "画像": "image", "写真": "photo", "カテゴリ": "category", "カテゴリー": "category", "分類": "category",
    "種類": "type", "区分": "type", "タグ": "tags", "ステータス": "status", "状態": "status", "公開": "published",
    "コード": "code", "番号": "number", "品番": "item number", "型番": "model number", "ブランド": "brand",
    "メーカー": "manufacturer", "仕入先": "supplier", "登録日": "created date", "作成日": "created date",
    "更新日": "updated date", "日付": "date", "生年月日": "birth date", "誕生日": "birthday", "入社日": "hire date",
    "退職日": "end date", "性別": "gender", "敬称": "salutation", "役職": "job title", "部署": "department",
    "件名": "subject", "優先度": "priority", "担当者": "assignee", "商談": "deal", "案件": "deal",
    "確度": "probability", "完了予定日": "close date", "ホームページ": "website", "ウェブサイト": "website",
    # --- Chinese (simplified and traditional forms where they differ)
    "产品": "product", "產品": "product", "名稱": "name", "姓名": "full name",
    "公司": "company", "客户": "customer", "客戶": "customer", "员工": "employee", "員工": "employee",
    "邮箱": "email", "郵箱": "email", "电子邮件": "email", "電子郵件": "email", "邮件": "email", "郵件": "email",
    "手机": "mobile", "手機": "mobile", "电话": "phone", "電話号码": "phone number", "电话号码": "phone number",
    "地址": "address", "邮编": "postal code", "郵編": "postal code", "邮政编码": "postal code", "省": "state",
    "城市": "city", "国家": "country", "國家": "country", "价格": "price", "售价": "sale price", "售價": "sale price",
    "成本": "cost", "库存": "stock", "庫存": "stock", "描述": "description", "图片": "image", "圖片": "image",
    "类别": "category", "類別": "category", "标签": "tags", "標籤": "tags", "备注": "notes", "備註": "notes",
    "部门": "department", "部門": "department", "职位": "job title", "職位": "job title", "编号": "number",
    "編號": "number", "创建时间": "created at", "建立時間": "created at", "更新时间": "updated at",
    "出生日期": "birth date", "生日": "birthday", "网站": "website", "網站": "website", "品牌": "brand",
    "供应商": "supplier", "供應商": "supplier", "主题": "subject", "主題": "subject", "优先级": "priority",
    "優先級": "priority",
}
# fmt: on
UNSPACED_GLOSSES.update(MORE_UNSPACED_GLOSSES)
UNSPACED_GLOSSES.update(WIDER_UNSPACED_GLOSSES)  # Chinese business templates' words (round 49)
