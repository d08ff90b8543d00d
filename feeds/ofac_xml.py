"""OFAC's two structured XML formats, shared by the SDN and the consolidated (non-SDN) sources.

**Advanced** (``SDN_ADVANCED.XML``, ``CONS_ADVANCED.XML``; root ``Sanctions``, namespace
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML``, the
older files ``http://www.un.org/sanctions/1.0``): the UN "Advanced Sanctions Data Model". Values
are ids into ``ReferenceValueSets`` (``AliasTypeValues/AliasType``, ``CountryValues/Country``,
``FeatureTypeValues/FeatureType``, ``LocPartTypeValues/LocPartType``, ``ListValues/List``,
``NamePartTypeValues/NamePartType``, ``PartySubTypeValues/PartySubType[@PartyTypeID]``,
``PartyTypeValues/PartyType``, ``SanctionsTypeValues/SanctionsType``). A
``DistinctParties/DistinctParty[@FixedRef]`` holds one ``Profile[@ID, @PartySubTypeID]`` with an
``Identity`` whose ``Alias[@AliasTypeID, @Primary, @LowQuality]`` elements hold
``DocumentedName/DocumentedNamePart/NamePartValue[@NamePartGroupID, @ScriptID]`` (the group's
``NamePartGroups/MasterNamePartGroup/NamePartGroup[@NamePartTypeID]`` says which part: Last
Name, First Name, Entity Name...), and ``Feature[@FeatureTypeID]/FeatureVersion`` with a
``DatePeriod`` (Birthdate), a ``VersionDetail`` or a ``VersionLocation[@LocationID]`` into
``Locations/Location`` (``LocationCountry[@CountryID]``, ``LocationPart[@LocPartTypeID]/
LocationPartValue/Value``). Programmes are in ``SanctionsEntries/SanctionsEntry[@ProfileID,
@ListID]/SanctionsMeasure[@SanctionsTypeID]/Comment`` where the type is ``Program``; the date
of listing is ``EntryEvent/Date``.

**Enhanced** (``SDN_ENHANCED.XML``, ``CONS_ENHANCED.XML``; root ``sanctionsData``, namespace
``.../exports/ENHANCED_XML``): values spelt out. ``entities/entity[@id]`` with
``generalInfo/entityType`` (Individual, Entity, Vessel, Aircraft), ``generalInfo/remarks``,
``sanctionsLists/sanctionsList[@datePublished]``, ``sanctionsPrograms/sanctionsProgram``,
``names/name`` (``isPrimary``, ``aliasType``, ``isLowQuality``,
``translations/translation/formattedFullName`` - one per script), ``addresses/address``
(``country``, ``translations/translation/addressParts/addressPart/type|value``) and
``features/feature`` (``type`` Birthdate, Nationality Country, Citizenship Country, Vessel Flag;
``value``).

Both are matched by local name (namespaces ignored). Weak (low-quality) a.k.a.s are left out and
counted, as OFAC advises and as the legacy formats do.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.lists import address_text, clean, parse_loose_date, sanctions_entry
from clearance.feeds.safexml import local, text_of

ENTITY_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id="
WEAK = "weak a.k.a.s (not screened, as OFAC advises)"
_TYPES = {
    "individual": "individual",
    "entity": "entity",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
_ADDRESS_PARTS = (
    "ADDRESS1",
    "ADDRESS2",
    "ADDRESS3",
    "CITY",
    "STATE/PROVINCE",
    "POSTAL CODE",
    "REGION",
)
_COUNTRY_FEATURES = frozenset(
    {"nationality country", "citizenship country", "vessel flag", "place of birth"}
)
_NAME_ORDER = ("Last Name", "First Name", "Middle Name", "Patronymic", "Matronymic")
"""How a personal name is written, as OFAC writes it (``LAST, First Middle``)."""


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


# -- advanced ----------------------------------------------------------------------------------


class _Refs:
    """The reference value sets of an advanced file: ``value(kind, id)`` -> text."""

    def __init__(self, root: Any) -> None:
        self.values: dict[tuple[str, str], Any] = {}
        refs = root.find("{*}ReferenceValueSets")
        if refs is None:
            return
        for group in refs:
            if not isinstance(group.tag, str):
                continue
            for item in group:
                if isinstance(item.tag, str) and item.get("ID"):
                    self.values[(local(item.tag), item.get("ID"))] = item

    def text(self, kind: str, ref_id: str | None) -> str:
        item = self.values.get((kind, ref_id or ""))
        return clean(item.text) if item is not None else ""

    def get(self, kind: str, ref_id: str | None) -> Any:
        return self.values.get((kind, ref_id or ""))


def _date(element: Any) -> str:
    """``<Year>1972</Year><Month>10</Month><Day>12</Day>`` -> ``1972-10-12`` (or shorter)."""
    if element is None:
        return ""
    year, month, day = (text_of(element, "{*}" + t) for t in ("Year", "Month", "Day"))
    if not year:
        return ""
    if not month:
        return year
    if not day:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _period(period: Any) -> str:
    """A ``DatePeriod`` as one date, a year, or ``from/to`` when it is a range."""
    start = _date(period.find("{*}Start/{*}From"))
    end = _date(period.find("{*}End/{*}To")) or _date(period.find("{*}Start/{*}To"))
    if not start:
        return end
    if not end or end == start:
        return start
    if start[:4] == end[:4] and start.endswith("-01-01") and end.endswith("-12-31"):
        return start[:4]  # OFAC writes "1972" as 1972-01-01 .. 1972-12-31
    return f"{start}/{end}"


def _location(refs: _Refs, location: Any) -> tuple[str, str]:
    """(address text, country name) of a ``Location``."""
    country = ""
    for item in location.iterfind("{*}LocationCountry"):
        country = refs.text("Country", item.get("CountryID")) or country
    parts: dict[str, str] = {}
    for part in location.iterfind("{*}LocationPart"):
        kind = refs.text("LocPartType", part.get("LocPartTypeID")).upper()
        parts[kind] = text_of(part, "{*}LocationPartValue/{*}Value")
    ordered = [parts.get(k, "") for k in _ADDRESS_PARTS]
    ordered += [v for k, v in parts.items() if k not in _ADDRESS_PARTS and k != "UNKNOWN"]
    return address_text([*ordered, country]), country


def _names(refs: _Refs, identity: Any, drops: Counter[str]) -> list[str]:
    groups = {
        g.get("ID"): refs.text("NamePartType", g.get("NamePartTypeID"))
        for g in identity.iterfind("{*}NamePartGroups/{*}MasterNamePartGroup/{*}NamePartGroup")
    }
    primary: list[str] = []
    others: list[str] = []
    for alias in identity.iterfind("{*}Alias"):
        if _true(alias.get("LowQuality")):
            drops[WEAK] += sum(1 for _ in alias.iterfind("{*}DocumentedName"))
            continue
        target = primary if _true(alias.get("Primary")) else others
        for documented in alias.iterfind("{*}DocumentedName"):
            parts: dict[str, list[str]] = {}
            for value in documented.iterfind("{*}DocumentedNamePart/{*}NamePartValue"):
                kind = groups.get(value.get("NamePartGroupID"), "") or "Name"
                parts.setdefault(kind, []).append(clean(value.text))
            target.append(_written(parts))
    return primary + others


def _written(parts: dict[str, list[str]]) -> str:
    """Name parts as OFAC writes the name: ``LAST, First Middle``, or the whole name."""
    personal = [" ".join(parts[k]) for k in _NAME_ORDER[1:] if parts.get(k)]
    last = " ".join(parts.get("Last Name", []))
    if last and personal:
        return f"{last}, {' '.join(personal)}"
    if last or personal:
        return last or " ".join(personal)
    return " ".join(" ".join(v) for v in parts.values())


def parse_advanced(root: Any, list_name: str, drops: Counter[str]) -> list[dict[str, Any]]:
    """The entries of an advanced-format file (``root`` is its ``Sanctions`` element)."""
    if local(root.tag) != "Sanctions":
        raise ParseError(f"expected <Sanctions>, found <{local(root.tag)}>", source=list_name)
    refs = _Refs(root)
    if not refs.values:
        raise ParseError(
            "no ReferenceValueSets: not an OFAC advanced-format file (or cut short)",
            source=list_name,
        )
    locations = {loc.get("ID"): loc for loc in root.iterfind("{*}Locations/{*}Location")}
    programmes: dict[str, list[str]] = {}
    listed: dict[str, str] = {}
    for entry in root.iterfind("{*}SanctionsEntries/{*}SanctionsEntry"):
        profile = entry.get("ProfileID") or ""
        for measure in entry.iterfind("{*}SanctionsMeasure"):
            kind = refs.text("SanctionsType", measure.get("SanctionsTypeID"))
            comment = text_of(measure, "{*}Comment")
            if comment and (kind == "Program" or not kind):
                programmes.setdefault(profile, []).append(comment)
        if not any(True for _ in entry.iterfind("{*}SanctionsMeasure")):
            list_text = refs.text("List", entry.get("ListID"))
            if list_text:
                programmes.setdefault(profile, []).append(list_text)
        for event in entry.iterfind("{*}EntryEvent"):
            when = _date(event.find("{*}Date"))
            if when and (profile not in listed or when < listed[profile]):
                listed[profile] = when
    entries = []
    for party in root.iterfind("{*}DistinctParties/{*}DistinctParty"):
        profile = party.find("{*}Profile")
        fixed = party.get("FixedRef") or (profile.get("ID") if profile is not None else "")
        if profile is None or not fixed:
            raise ParseError("a DistinctParty without FixedRef or Profile", source=list_name)
        profile_id = profile.get("ID") or fixed
        subtype = refs.get("PartySubType", profile.get("PartySubTypeID"))
        kind = clean(subtype.text) if subtype is not None else ""
        if kind in ("", "Unknown") and subtype is not None:
            kind = refs.text("PartyType", subtype.get("PartyTypeID"))
        names: list[str] = []
        for identity in profile.iterfind("{*}Identity"):
            names += _names(refs, identity, drops)
        countries: list[str] = []
        addresses: list[str] = []
        dobs: list[str] = []
        for feature in profile.iterfind("{*}Feature"):
            label = refs.text("FeatureType", feature.get("FeatureTypeID")).lower()
            for version in feature.iterfind("{*}FeatureVersion"):
                period = version.find("{*}DatePeriod")
                if label == "birthdate" and period is not None:
                    value = _period(period)
                    if value:
                        dobs.append(value)
                for place in version.iterfind("{*}VersionLocation"):
                    location = locations.get(place.get("LocationID"))
                    if location is None:
                        continue
                    text, country = _location(refs, location)
                    if label == "location" and text:
                        addresses.append(text)
                    if country and (label == "location" or label in _COUNTRY_FEATURES):
                        countries.append(country)
                detail = version.find("{*}VersionDetail")
                if label in _COUNTRY_FEATURES and label != "place of birth" and detail is not None:
                    countries.append(
                        refs.text("DetailReference", detail.get("DetailReferenceID"))
                        or clean(detail.text)
                    )
        entries.append(
            sanctions_entry(
                list_name=list_name,
                entry_id=fixed,
                entry_type=_TYPES.get(kind.lower(), "entity"),
                names=names,
                programmes=programmes.get(profile_id, []),
                countries=countries,
                dates_of_birth=dobs,
                remarks=text_of(party, "{*}Comment"),
                source_url=ENTITY_URL + fixed,
                listed_on=listed.get(profile_id, ""),
                addresses=addresses,
                drops=drops,
            )
        )
    return entries


# -- enhanced ----------------------------------------------------------------------------------


def parse_enhanced(root: Any, list_name: str, drops: Counter[str]) -> list[dict[str, Any]]:
    """The entries of an enhanced-format file (``root`` is its ``sanctionsData`` element)."""
    if local(root.tag) != "sanctionsData":
        raise ParseError(f"expected <sanctionsData>, found <{local(root.tag)}>", source=list_name)
    container = root.find("{*}entities")
    if container is None:
        raise ParseError("no <entities>: not an OFAC enhanced-format file", source=list_name)
    entries = []
    for item in container.iterfind("{*}entity"):
        uid = clean(item.get("id"))
        if not uid:
            raise ParseError("an entity without id", source=list_name)
        primary: list[str] = []
        others: list[str] = []
        for name in item.iterfind("{*}names/{*}name"):
            if _true(text_of(name, "{*}isLowQuality")):
                drops[WEAK] += 1
                continue
            target = primary if _true(text_of(name, "{*}isPrimary")) else others
            for translation in name.iterfind("{*}translations/{*}translation"):
                full = text_of(translation, "{*}formattedFullName")
                if not full:
                    full = ", ".join(
                        p
                        for p in (
                            text_of(translation, "{*}formattedLastName"),
                            text_of(translation, "{*}formattedFirstName"),
                        )
                        if p
                    )
                target.append(full)
        countries: list[str] = []
        addresses: list[str] = []
        for address in item.iterfind("{*}addresses/{*}address"):
            country = text_of(address, "{*}country")
            countries.append(country)
            for translation in address.iterfind("{*}translations/{*}translation"):
                parts = {
                    text_of(p, "{*}type").upper(): text_of(p, "{*}value")
                    for p in translation.iterfind("{*}addressParts/{*}addressPart")
                }
                ordered = [parts.get(k, "") for k in _ADDRESS_PARTS]
                ordered += [v for k, v in parts.items() if k not in _ADDRESS_PARTS]
                addresses.append(address_text([*ordered, country]))
                break  # the first (Latin) translation; others repeat the same address
            else:
                if country:
                    addresses.append(country)
        dobs: list[str] = []
        for feature in item.iterfind("{*}features/{*}feature"):
            label = text_of(feature, "{*}type").lower()
            value = text_of(feature, "{*}value")
            if label == "birthdate" and value:
                dobs.append(parse_loose_date(value) or value)
            elif label in _COUNTRY_FEATURES and label != "place of birth" and value:
                countries.append(value)
        dates = [
            (s.get("datePublished") or "")[:10]
            for s in item.iterfind("{*}sanctionsLists/{*}sanctionsList")
        ]
        dates = [d for d in dates if d]
        entries.append(
            sanctions_entry(
                list_name=list_name,
                entry_id=uid,
                entry_type=_TYPES.get(
                    text_of(item, "{*}generalInfo/{*}entityType").lower(), "entity"
                ),
                names=primary + others,
                programmes=[
                    clean(p.text) for p in item.iterfind("{*}sanctionsPrograms/{*}sanctionsProgram")
                ],
                countries=countries,
                dates_of_birth=dobs,
                remarks=text_of(item, "{*}generalInfo/{*}remarks"),
                source_url=ENTITY_URL + uid,
                listed_on=min(dates) if dates else "",
                addresses=addresses,
                drops=drops,
            )
        )
    return entries


def parse_structured(root: Any, list_name: str, drops: Counter[str]) -> list[dict[str, Any]] | None:
    """Entries of an advanced or enhanced file, or None when ``root`` is neither."""
    tag = local(root.tag)
    if tag == "Sanctions":
        return parse_advanced(root, list_name, drops)
    if tag == "sanctionsData":
        return parse_enhanced(root, list_name, drops)
    return None
