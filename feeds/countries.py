"""Country names as the lists spell them, to ISO 3166-1 alpha-2 codes.

Sanctions and recall sources name countries in prose ("Iran (Islamic Republic of)", "Russian
Federation", "Korea, North", "Congo (Democratic Republic)"); screening compares a document's
two-letter code, so the feeds store codes. A name that is not known here is kept as written.
"""

from __future__ import annotations

import re
from functools import cache

from unidecode import unidecode

_NAMES = """
AF Afghanistan
AX Aland Islands
AL Albania
DZ Algeria
AS American Samoa
AD Andorra
AO Angola
AI Anguilla
AQ Antarctica
AG Antigua and Barbuda
AR Argentina
AM Armenia
AW Aruba
AU Australia
AT Austria
AZ Azerbaijan
BS Bahamas|The Bahamas|Bahamas, The
BH Bahrain
BD Bangladesh
BB Barbados
BY Belarus
BE Belgium
BZ Belize
BJ Benin
BM Bermuda
BT Bhutan
BO Bolivia|Bolivia (Plurinational State of)|Plurinational State of Bolivia
BQ Bonaire, Sint Eustatius and Saba
BA Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia
BW Botswana
BR Brazil
IO British Indian Ocean Territory
VG British Virgin Islands|Virgin Islands, British|Virgin Islands (British)
BN Brunei|Brunei Darussalam
BG Bulgaria
BF Burkina Faso
BI Burundi
CV Cabo Verde|Cape Verde
KH Cambodia
CM Cameroon
CA Canada
KY Cayman Islands
CF Central African Republic
TD Chad
CL Chile
CN China|People's Republic of China|China, People's Republic of|PRC
CX Christmas Island
CC Cocos (Keeling) Islands
CO Colombia
KM Comoros
CG Congo|Republic of the Congo|Congo, Republic of the|Congo (Republic)|Congo-Brazzaville
CD Democratic Republic of the Congo|Congo, Democratic Republic of the|DRC|Zaire
CD Congo (Democratic Republic)|Democratic Republic of Congo|Congo-Kinshasa
CK Cook Islands
CR Costa Rica
CI Cote d'Ivoire|Ivory Coast
HR Croatia
CU Cuba
CW Curacao
CY Cyprus
CZ Czechia|Czech Republic
DK Denmark
DJ Djibouti
DM Dominica
DO Dominican Republic
EC Ecuador
EG Egypt
SV El Salvador
GQ Equatorial Guinea
ER Eritrea
EE Estonia
SZ Eswatini|Swaziland
ET Ethiopia
FK Falkland Islands
FO Faroe Islands
FJ Fiji
FI Finland
FR France
GF French Guiana
PF French Polynesia
GA Gabon
GM Gambia|The Gambia|Gambia, The
GE Georgia
DE Germany
GH Ghana
GI Gibraltar
GR Greece
GL Greenland
GD Grenada
GP Guadeloupe
GU Guam
GT Guatemala
GG Guernsey
GN Guinea
GW Guinea-Bissau
GY Guyana
HT Haiti
VA Holy See|Vatican|Vatican City
HN Honduras
HK Hong Kong|Hong Kong SAR|Hong Kong, China|Hong Kong Special Administrative Region
HK China, Hong Kong Special Administrative Region
HU Hungary
IS Iceland
IN India
ID Indonesia
IR Iran|Iran (Islamic Republic of)|Islamic Republic of Iran|Iran, Islamic Republic of
IQ Iraq
IE Ireland
IM Isle of Man
IL Israel
IT Italy
JM Jamaica
JP Japan
JE Jersey
JO Jordan
KZ Kazakhstan
KE Kenya
KI Kiribati
KP North Korea|Korea, North|Democratic People's Republic of Korea|Korea (North)|DPRK
KP Korea, Democratic People's Republic of
KR South Korea|Korea, South|Republic of Korea|Korea, Republic of|Korea (South)
XK Kosovo
KW Kuwait
KG Kyrgyzstan|Kyrgyz Republic
LA Laos|Lao People's Democratic Republic|Lao PDR
LV Latvia
LB Lebanon
LS Lesotho
LR Liberia
LY Libya|Libyan Arab Jamahiriya
LI Liechtenstein
LT Lithuania
LU Luxembourg
MO Macao|Macau|China, Macao Special Administrative Region
MG Madagascar
MW Malawi
MY Malaysia
MV Maldives
ML Mali
MT Malta
MH Marshall Islands
MQ Martinique
MR Mauritania
MU Mauritius
YT Mayotte
MX Mexico
FM Micronesia|Micronesia (Federated States of)|Federated States of Micronesia
MD Moldova|Republic of Moldova|Moldova, Republic of
MC Monaco
MN Mongolia
ME Montenegro
MS Montserrat
MA Morocco
MZ Mozambique
MM Myanmar|Burma
NA Namibia
NR Nauru
NP Nepal
NL Netherlands|The Netherlands|Holland
NC New Caledonia
NZ New Zealand
NI Nicaragua
NE Niger
NG Nigeria
NU Niue
MK North Macedonia|Macedonia|The former Yugoslav Republic of Macedonia|Republic of North Macedonia
MP Northern Mariana Islands
NO Norway
OM Oman
PK Pakistan
PW Palau
PS Palestine|State of Palestine|Palestinian Territories|West Bank|Gaza
PS Occupied Palestinian Territory
PA Panama
PG Papua New Guinea
PY Paraguay
PE Peru
PH Philippines
PN Pitcairn
PL Poland
PT Portugal
PR Puerto Rico
QA Qatar
RE Reunion
RO Romania
RU Russia|Russian Federation
RW Rwanda
BL Saint Barthelemy
SH Saint Helena
KN Saint Kitts and Nevis|St. Kitts and Nevis
LC Saint Lucia|St. Lucia
MF Saint Martin
PM Saint Pierre and Miquelon
VC Saint Vincent and the Grenadines|St. Vincent and the Grenadines
WS Samoa
SM San Marino
ST Sao Tome and Principe
SA Saudi Arabia
SN Senegal
RS Serbia
SC Seychelles
SL Sierra Leone
SG Singapore
SX Sint Maarten
SK Slovakia|Slovak Republic
SI Slovenia
SB Solomon Islands
SO Somalia
ZA South Africa
SS South Sudan
ES Spain
LK Sri Lanka
SD Sudan
SR Suriname
SE Sweden
CH Switzerland
SY Syria|Syrian Arab Republic
TW Taiwan|Taiwan, Province of China|Chinese Taipei
TJ Tajikistan
TZ Tanzania|United Republic of Tanzania|Tanzania, United Republic of
TH Thailand
TL Timor-Leste|East Timor
TG Togo
TK Tokelau
TO Tonga
TT Trinidad and Tobago
TN Tunisia
TR Turkey|Turkiye|Türkiye
TM Turkmenistan
TC Turks and Caicos Islands
TV Tuvalu
UG Uganda
UA Ukraine
AE United Arab Emirates|UAE
GB United Kingdom|UK|Great Britain|United Kingdom of Great Britain and Northern Ireland
US United States|United States of America|USA|U.S.A.|US
UY Uruguay
UZ Uzbekistan
VU Vanuatu
VE Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela
VN Vietnam|Viet Nam
VI United States Virgin Islands|Virgin Islands, U.S.|Virgin Islands (U.S.)
WF Wallis and Futuna
EH Western Sahara
YE Yemen
ZM Zambia
ZW Zimbabwe
"""

_PUNCT = re.compile(r"[^A-Z0-9 ]+")


def _key(name: str) -> str:
    text = unidecode(name).upper().replace("&", " AND ")
    text = " ".join(_PUNCT.sub(" ", text).split())
    return text.removeprefix("THE ")


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _NAMES.strip().splitlines():
        code, names = line.split(" ", 1)
        table[_key(code)] = code
        for name in names.split("|"):
            table[_key(name)] = code
    return table


def country_code(name: str | None) -> str | None:
    """The ISO alpha-2 code for a country name or code; None when it is not known."""
    if not name or not name.strip():
        return None
    return _table().get(_key(name))


def country_codes(names: list[str]) -> list[str]:
    """Codes for ``names`` (unknown names kept as written), without duplicates, in order."""
    out: list[str] = []
    for name in names:
        cleaned = " ".join(name.split())
        if not cleaned or cleaned in ("00", "-0-"):
            continue
        value = country_code(cleaned) or cleaned
        if value not in out:
            out.append(value)
    return out
