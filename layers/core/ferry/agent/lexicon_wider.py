"""Header vocabulary found missing on real files (issue 12, round 49): the Chinese words of business import templates
(a warehouse's goods, customers and suppliers), and phrases of asset registers, deal lists and case logs. The shapes
of `lexicon.UNSPACED_GLOSSES` and `lexicon.LEXICON`, merged into them.

Data only. Chinese terms are glossed word by word as in `lexicon` (the longest term at each position), so '商品编码'
reads 'product code' and '联系电话' 'contact phone'; simplified and traditional forms both. '详细地址' (the detailed
address: the street and number under the province and the city a Chinese form asks first) is the street address.
"""

from __future__ import annotations

# fmt: off
WIDER_UNSPACED_GLOSSES: dict[str, str] = {
    "编码": "code", "編碼": "code", "代码": "code", "代碼": "code",
    "条码": "barcode", "條碼": "barcode", "条形码": "barcode", "條形碼": "barcode",
    "单位": "unit", "單位": "unit", "计量单位": "unit of measure", "計量單位": "unit of measure",
    "详细地址": "street address", "詳細地址": "street address", "街道": "street", "联系": "contact",
    "聯繫": "contact", "聯絡": "contact", "電話": "phone", "固话": "landline phone",
    "等级": "level", "等級": "level", "级别": "level", "級別": "level",
    "货品": "product", "貨品": "product", "物料": "item", "价钱": "price",
    "单价": "unit price", "單價": "unit price", "數量": "quantity", "制造商": "manufacturer",
    "製造商": "manufacturer", "厂商": "manufacturer", "廠商": "manufacturer", "状态": "status",
    "狀態": "status", "说明": "description", "說明": "description", "省份": "state",
    "区县": "district", "區縣": "district", "传真": "fax", "傳真": "fax",
    "网址": "website", "網址": "website", "税号": "tax id", "稅號": "tax id",
    "行业": "industry", "行業": "industry", "序列号": "serial number", "序列號": "serial number",
    "型号": "model", "型號": "model", "入职日期": "hire date", "入職日期": "hire date",
    "性别": "gender", "性別": "gender", "负责人": "responsible", "負責人": "responsible",
    # Round 56: joining and leaving a job in the '时间' (time) wording of the '日期' (date) ones (MaxKey's users).
    "入职时间": "hire date", "入職時間": "hire date", "离职时间": "end date", "離職時間": "end date",
    "离职日期": "end date", "離職日期": "end date",
    # Round 56: a work or home prefix before an address part ('家庭-省': home state; blocks.address_blocks asks
    # between the blocks); an organisation unit ('机构编码': its code), its parent unit another record's.
    "工作": "work", "家庭": "home",
    "机构": "organization", "機構": "organization", "上级机构": "parent organization",
    "上級機構": "parent organization",
    # Round 58: Japanese words of work-item and record lists (Pleasanter, kintone, Backlog): a title, its content, its
    # state, and when a record was made or changed ('日時', date and time, as '日' alone).
    "タイトル": "title", "内容": "content", "状況": "status", "更新日時": "updated at", "作成日時": "created at",
    "登録日時": "created at",
}
# fmt: on

# fmt: off
WIDER_LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    # A customer's level or tier is the group it is priced or served as (Chinese 客户等级, NetSuite's price level).
    "customer_group": {
        "en": ("customer level", "customer tier", "customer grade", "client level", "client tier", "price level",
               "membership level", "membership tier"),
    },
    # The number an organisation gives a piece of equipment (French asset registers: GestSup, GLPI).
    "asset_tag": {
        "en": ("equipment number", "equipment no", "equipment tag"),
        "fr": ("numéro de l équipement", "numéro d équipement", "numéro équipement", "n° équipement",
               "n° de l équipement"),
    },
    # 'Fabriquant' is the common misspelling of 'fabricant' in French exports.
    "manufacturer": {"fr": ("fabriquant",)},
    # 'État' of a record: its state of use (an asset installed, in stock); an address's 'État' is read by the
    # template's state field where there is one.
    "status": {"fr": ("état", "état de l équipement")},
    # A unit's weight is the item's weight ('Unit Weight', Chinese 商品单位重量), not its unit of measure.
    "weight": {"en": ("unit weight", "weight per unit", "item unit weight")},
    # A deal's potential is the amount it may bring in.
    "amount": {"en": ("potential",)},
    # A case or deal opened on a date was created then. Round 52: the date a customer first bought is when the
    # customer began (AdventureWorks' 'DateFirstPurchase', under the template's 'Customer since'); not 'join date',
    # which Gather's users label null.
    "created_at": {"en": ("open date", "opened date", "date opened", "opened on", "opened at", "open dt",
                          "date first purchase", "first purchase date", "date of first purchase", "member since",
                          # Round 53: the day a customer was onboarded is when the customer began (a churn table's).
                          "onboard date", "onboarded date", "onboarding date", "date onboarded", "onboarded on",
                          "onboarded at"),
                   "de": ("mitglied seit",)},
    # Round 50. Information added beside a record's fields is a note on it.
    "notes": {"en": ("extra information", "extra info", "other information", "other info",
                     # Round 56: notes on the record's own party under a library's or a club's word for a customer
                     # (Koha's glued 'borrowernotes'); the template's fields decide, as for 'customer notes'.
                     "borrower notes", "patron notes", "member notes")},
    # The stock available to sell is the stock on hand (eShopOnContainers' glued 'availablestock').
    # Round 51: the units a shop holds are its stock (Northwind's glued 'unitsinstock').
    "stock_quantity": {
        "en": ("available stock", "stock available", "available qty", "units in stock", "unit in stock"),
    },
    # The date until which a device may be used is its end of life (MOSIP's 'validityDateTime', Chemotion's expiry).
    "end_of_life": {"en": ("validity date", "validity date time", "valid until", "validity end", "expiry date",
                           "expiration date")},
    # Whether an item is exempt from VAT is its tax treatment: the tax class (LibreDTE's 'exento'). Not the English
    # 'tax exempt': Stripe's customers write it beside their tax id, and it took that id's question away.
    "tax_class": {"es": ("exento", "exenta", "exento iva", "exento de iva")},
    # Round 52. A club's member number is the member's own key (JVerein's 'Mitglieds_Nr'); a data warehouse's
    # alternate key is the business key a source system gave the record (AdventureWorks' 'CustomerAlternateKey').
    "id": {"de": ("mitgliedsnummer", "mitglieds nummer", "mitglieds number", "mitgliedsnr"),
           "en": ("membership number", "membership no", "alternate key", "customer alternate key")},
    # The standard cost of an item is what it costs the business (AdventureWorks' 'StandardCost').
    "cost": {"en": ("standard cost", "std cost")},
    # India's urban or rural local body (a municipality, a village council) is the town (CARE's 'Local Body').
    "city": {"en": ("local body",)},
    # Round 58: Indonesian catalogue words (INLISLite, SLiMS): a work's title ('judul', 'judul utama': the main title)
    # and the year it was published ('tahun terbit').
    "subject": {"id": ("judul", "judul utama")},
    "year": {"id": ("tahun terbit", "tahun publikasi")},
    # Round 58: the day a lab or a shop received an item is when it was acquired (openBIS' and Quartzy's lists).
    "purchase_date": {"en": ("date received", "received date", "received on")},
}
# fmt: on


def merge_into(lexicon: dict[str, dict[str, tuple[str, ...]]]) -> None:
    """Add these phrases to a lexicon of the same shape, after a language's own (none lost, none repeated)."""
    for concept, by_language in WIDER_LEXICON.items():
        own = lexicon.setdefault(concept, {})
        for language, phrases in by_language.items():
            own[language] = tuple(dict.fromkeys(own.get(language, ()) + phrases))
