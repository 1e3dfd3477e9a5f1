//! The analyzer's word lists: function words, level words, the abbreviations of job titles, and
//! British spellings with their American forms. Each list is sorted, so a lookup is a binary
//! search and a test holds the order.

/// Words that carry no meaning of their own in a title or a duty.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "both",
    "but", "by", "can", "could", "do", "does", "each", "etc", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "me", "might",
    "more", "most", "must", "my", "no", "nor", "not", "of", "on", "or", "other", "our", "per",
    "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "up", "upon", "us",
    "very", "via", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "you", "your",
];

/// Words kept whole rather than stemmed, sorted: the stemmer would file each with a word of
/// another meaning (`agile` with `agility`, so an agile coach met the dog-agility instructors).
pub const UNSTEMMED_WORDS: &[&str] = &["agile"];

/// Words that say how senior a job is, not what it is: kept apart from the occupation's words.
pub const LEVEL_WORDS: &[&str] = &[
    "apprentice",
    "entry",
    "head",
    "ii",
    "iii",
    "intern",
    "internship",
    "iv",
    "junior",
    "lead",
    "level",
    "principal",
    "senior",
    "staff",
    "trainee",
];

/// Abbreviations and acronyms common in job titles, with the words they stand for. `pm` stands
/// for both the product and the project manager, as people use it for either.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("acct", "account"),
    ("admin", "administrator"),
    ("ai", "artificial intelligence"),
    ("assoc", "associate"),
    ("asst", "assistant"),
    ("atty", "attorney"),
    ("avp", "assistant vice president"),
    ("ba", "business analyst"),
    ("backend", "back end"),
    ("ceo", "chief executive officer"),
    ("cfo", "chief financial officer"),
    ("chro", "chief human resources officer"),
    ("cio", "chief information officer"),
    ("cmo", "chief marketing officer"),
    ("cna", "certified nursing assistant"),
    ("coo", "chief operating officer"),
    ("coord", "coordinator"),
    ("cpa", "certified public accountant"),
    ("csr", "customer service representative"),
    ("cto", "chief technology officer"),
    ("dba", "database administrator"),
    ("dept", "department"),
    ("dev", "developer"),
    ("devops", "development operations"),
    ("devs", "developers"),
    ("dir", "director"),
    ("emt", "emergency medical technician"),
    ("eng", "engineer"),
    ("engr", "engineer"),
    ("evp", "executive vice president"),
    ("exec", "executive"),
    ("frontend", "front end"),
    ("fullstack", "full stack"),
    ("govt", "government"),
    ("hr", "human resources"),
    ("hvac", "heating ventilation air conditioning"),
    ("hw", "hardware"),
    ("intl", "international"),
    ("jr", "junior"),
    ("lpn", "licensed practical nurse"),
    ("lvn", "licensed vocational nurse"),
    ("maint", "maintenance"),
    ("mfg", "manufacturing"),
    ("mgmt", "management"),
    ("mgr", "manager"),
    ("mktg", "marketing"),
    ("ml", "machine learning"),
    ("mngr", "manager"),
    ("np", "nurse practitioner"),
    ("ops", "operations"),
    ("ot", "occupational therapist"),
    ("pm", "product project manager"),
    ("po", "product owner"),
    ("pt", "physical therapist"),
    ("qa", "quality assurance"),
    ("qc", "quality control"),
    ("rep", "representative"),
    ("reps", "representatives"),
    ("rn", "registered nurse"),
    ("slp", "speech language pathologist"),
    ("spec", "specialist"),
    ("sr", "senior"),
    ("sre", "site reliability engineer"),
    ("supv", "supervisor"),
    ("supvr", "supervisor"),
    ("svc", "service"),
    ("svcs", "services"),
    ("svp", "senior vice president"),
    ("sw", "software"),
    ("tech", "technician"),
    ("techs", "technicians"),
    ("tpm", "technical program manager"),
    ("ui", "user interface"),
    ("ux", "user experience"),
    ("vp", "vice president"),
];

/// Acronyms read only when written in capitals, since in lower case they are ordinary words.
pub const CAPITAL_ACRONYMS: &[(&str, &str)] = &[("IT", "information technology")];

/// British spellings whole, with the American form the analyzer reads them as.
pub const BRITISH_WORDS: &[(&str, &str)] = &[
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("analogue", "analog"),
    ("armour", "armor"),
    ("behaviour", "behavior"),
    ("behavioural", "behavioral"),
    ("calibre", "caliber"),
    ("catalogue", "catalog"),
    ("centre", "center"),
    ("centres", "centers"),
    ("cheque", "check"),
    ("colour", "color"),
    ("defence", "defense"),
    ("dialogue", "dialog"),
    ("endeavour", "endeavor"),
    ("enrolment", "enrollment"),
    ("favour", "favor"),
    ("fibre", "fiber"),
    ("flavour", "flavor"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
    ("harbour", "harbor"),
    ("honour", "honor"),
    ("humour", "humor"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("labour", "labor"),
    ("licence", "license"),
    ("litre", "liter"),
    ("manoeuvre", "maneuver"),
    ("metre", "meter"),
    ("neighbour", "neighbor"),
    ("odour", "odor"),
    ("offence", "offense"),
    ("practise", "practice"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("rumour", "rumor"),
    ("skilful", "skillful"),
    ("theatre", "theater"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("vigour", "vigor"),
];

/// Words ending in `-ise` that are spelt so in American English too (no `-ize` form).
pub const ISE_WORDS: &[&str] = &[
    "advertise",
    "advise",
    "apprise",
    "arise",
    "chastise",
    "circumcise",
    "clockwise",
    "comprise",
    "compromise",
    "concise",
    "demise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "expertise",
    "franchise",
    "guise",
    "improvise",
    "incise",
    "likewise",
    "merchandise",
    "noise",
    "otherwise",
    "paradise",
    "poise",
    "praise",
    "precise",
    "premise",
    "promise",
    "raise",
    "reprise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "treatise",
    "wise",
];

/// Word stems whose British form doubles the final `l` before a suffix (travelled,
/// counsellor): the American form keeps one.
pub const DOUBLED_L: &[&str] = &[
    "cancel", "channel", "counsel", "dial", "fuel", "funnel", "gravel", "jewel", "label", "level",
    "marshal", "model", "panel", "pencil", "quarrel", "rival", "shovel", "signal", "total",
    "travel", "tunnel",
];

/// Medical words the British spell with `ae` or `oe` where the American have `e`.
pub const DIGRAPH_PREFIXES: &[(&str, &str)] = &[
    ("anaesth", "anesth"),
    ("gynaec", "gynec"),
    ("haem", "hem"),
    ("oesoph", "esoph"),
    ("oestr", "estr"),
    ("orthopaed", "orthoped"),
    ("paed", "ped"),
];

/// The entry for `key` in a list sorted by key.
pub fn lookup<'a>(list: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    list.binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|at| list[at].1)
}

/// Whether `word` is in a sorted list.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_and_without_repeats() {
        for list in [FUNCTION_WORDS, LEVEL_WORDS, ISE_WORDS, DOUBLED_L] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        for list in [
            ABBREVIATIONS,
            BRITISH_WORDS,
            DIGRAPH_PREFIXES,
            CAPITAL_ACRONYMS,
        ] {
            let keys: Vec<&str> = list.iter().map(|(k, _)| *k).collect();
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        }
    }
}
