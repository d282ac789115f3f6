# People search, duplicate hints and unique values (core::search).

search-empty-query = the search text is empty once spaces, punctuation and invisible characters are removed
search-zero-limit = the search limit must be at least 1
search-unknown-program = program { $program } is not in the stored metadata
search-program-without-tracked-entity-type = program { $program } has no tracked entity type, so it has no people to search
search-unknown-tracked-entity-type = tracked entity type { $uid } is not in the stored metadata
search-no-searchable-attributes-program = program { $program } has no searchable attributes
search-no-searchable-attributes-type = tracked entity type { $uid } has no searchable attributes
search-not-stored = tracked entity { $tracked_entity } has no stored value "{ $value }" for attribute { $attribute }; index only stored values

## Possible duplicates
search-possible-duplicate = possible duplicate: person { $person } registered at { $org_unit } ({ $reasons })
search-duplicate-name-and-birth-date = same name and birth date
search-duplicate-phone = same phone { $phone }

## Unique attributes
search-unique-taken = { $attribute_name } ({ $attribute }) must be unique: the value "{ $value }" already belongs to person { $other }
search-unique-taken-in-org-unit = { $attribute_name } ({ $attribute }) must be unique within an org unit: the value "{ $value }" already belongs to person { $other } in org unit { $org_unit }
search-unique-unknown-attribute = attribute { $attribute } is not in the stored metadata
