"""Round 29 (issue 13): common English words that the typo fixer must leave as typed.

`resolver.fix_typos` corrects a word it does not know to the one vocabulary word within one or two typos. A word that
is itself a correct, common English word is no typo: correcting it to another word changes what was said (round 28:
'weed' read as 'need', which turned "don't weed them out" into rows not wanted; dev36: 'were' read as 'where').
A word here is never corrected, unless the template itself knows it as typed (the caller checks the vocabulary
first). The list is of everyday words, not of names or values of any data set.
"""

from __future__ import annotations

_WORDS = """
    able about above across act add added after again against ago all almost alone along already also although
    always among and another answer any anyone anything anyway are area around ask asked away back bad bag bake ball
    band bank bar base bath bay bean bear beat became because become bed been beer before began begin behind being
    believe bell belong below belt bend beside best better between big bill bind bird bit bite black blame blank
    block blow blue board boat body bold bone book boot border born both bother bottom bought bound bowl box boy
    brain branch brand bread break bring broad broke brought brown build built burn busy but buy call calm came camp
    can cap car card care carry case cast cat catch cause cell chain chair chance change charge chart cheap check
    child choose city claim class clean clear climb clock close cloth cloud club coat code coin cold come common
    cook cool cope copy core corn corner cost could count couple course cover crew crop cross crowd cry cup cure
    curl current cut dark deal dear debt deed deep did die diet dig dirt dish do does dog done door dose dot down
    drag draw dream dress drew drink drive drop drum dry due dull dust duty each ear early earn ease east easy eat
    edge else end enough even ever every exact eye face fact fail fair fall far farm fast fat fear feed feel feet
    fell felt few field fight file fill film final find fine fire firm first fish fit five fix flag flat fleet
    floor flow fold folk follow food fool foot for force form forty found four free fresh friend from front full fun
    gain game gap gate gave get gift girl give glad glass goal goes gold gone good got grab grain great green grew
    grey ground grow had hair half hall hand hang happy hard harm has hat hate have head hear heard heart heat heavy
    held hell help her here hero hers high hill him his hit hold hole home hope horse host hot hour house how huge
    hunt hurt idea into iron its job join joke jump just keen keep kept kid kill kind king knew know lack lady
    laid lake land lane large last late later lead leaf lean learn least leave led left leg lend less let lie life
    lift light like line link list live load loan lock long look loose lord lose loss lost lot loud love low luck
    made main make male man many mark mass may meal mean meat meet men mere mess met mind mine miss mode more
    most move much must name near neat need never new news next nice night none nor nose not now odd off
    often old once one only onto open order other our out over own pace pack page paid pain pair pale park part
    pass past path pay peak pick piece pile pin pipe place plain plan play plot plus pole poll pool poor port pose
    post pour press pull pure push put race rain raise ran rare rate read real rear rest rice rich ride right ring
    rise risk road rock role roll roof room root rope rose round rule run rush safe said sail sake sale salt same
    sand sat save saw say sea seat see seed seek seem seen self sell send sense sent set seven shall shape share
    she ship shoe shop short shot should show shut sick side sign silk sing sink size skin slip slow small
    snow soft soil sold some son song soon sort soul sound south space speak spend spent spot star start state stay
    step still stop store story street such suit sun sure swap take tale talk tall tank tape task team tear tell
    ten tend term test than that the their them then there these they thin thing think this those though three
    threw through throw tide tie till time tiny tip tire told tone too took tool top tore total touch tour town
    track trade trail train tree trip true trust try turn twice two type under unit until upon use used user vast
    very view vote wage wait wake walk wall want war warm was wash waste watch water wave way weak wear weed week
    well went were west what wheel when where whether which while white who whole whom whose why wide wife wild
    will win wind wine wing wire wise wish with word wore work world worn would write wrong yard year yes yet you
    young your
"""
COMMON_WORDS: frozenset[str] = frozenset(_WORDS.split())


def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is a common English word, which is no typo."""
    return word.lower() in COMMON_WORDS
