//! The vocabulary the templates draw on: places (Azerbaijani and Uzbek names with their
//! diacritics, `Gəncə`, `Şəki`, `Qoʻqon`), people and their roles, organisations,
//! publishers, and per sector the objects, goods, themes, events and metrics a fact talks
//! about. The sectors are those of `data/dataset.json`, in its order.

use factdeck_core::model::Kind;

#[derive(Clone, Copy)]
pub struct Place {
    pub name: &'static str,
    pub country: &'static str,
}

pub const AZ: &str = "Azerbaijan";
pub const UZ: &str = "Uzbekistan";

const fn az(name: &'static str) -> Place {
    Place { name, country: AZ }
}

const fn uz(name: &'static str) -> Place {
    Place { name, country: UZ }
}

pub const PLACES: &[Place] = &[
    az("Baku"),
    az("Gəncə"),
    az("Sumqayıt"),
    az("Şəki"),
    az("Lənkəran"),
    az("Naxçıvan"),
    az("Xankəndi"),
    az("İsmayıllı"),
    az("Quba"),
    az("Qəbələ"),
    az("Mingəçevir"),
    az("Şamaxı"),
    az("Şirvan"),
    az("Zaqatala"),
    az("Ağdam"),
    az("Füzuli"),
    az("Şuşa"),
    az("Qusar"),
    az("Yevlax"),
    az("Ələt"),
    uz("Toshkent"),
    uz("Samarqand"),
    uz("Buxoro"),
    uz("Namangan"),
    uz("Fargʻona"),
    uz("Qoʻqon"),
    uz("Gʻijduvon"),
    uz("Nukus"),
    uz("Andijon"),
    uz("Xiva"),
    uz("Urganch"),
    uz("Navoiy"),
    uz("Qarshi"),
    uz("Termiz"),
    uz("Jizzax"),
    uz("Margʻilon"),
    uz("Shahrisabz"),
    uz("Chirchiq"),
    uz("Olmaliq"),
    uz("Angren"),
];

pub const THIRD_COUNTRIES: &[&str] = &["Kazakhstan", "Türkiye", "Georgia", "Turkmenistan", "Kyrgyzstan", "China"];

pub const PERSONS: &[&str] = &[
    "Rəşad Məmmədov",
    "Günel Quliyeva",
    "Elçin Hüseynov",
    "Aysel Nəsirova",
    "Şahin Əsgərov",
    "Leyla Əhmədova",
    "Tural Bağırov",
    "Nərmin Səfərova",
    "Vüqar İsmayılov",
    "Fərid Cəfərov",
    "Səbinə Əlizadə",
    "Orxan Rüstəmov",
    "Nigora Yoʻldosheva",
    "Oʻtkir Toʻxtayev",
    "Gʻayrat Saidov",
    "Dilshod Qodirov",
    "Feruza Xoʻjayeva",
    "Jasur Rahimov",
    "Zuhra Ergasheva",
    "Shavkat Gʻulomov",
    "Malika Nazarova",
    "Sardor Oʻrinboyev",
    "Bahodir Toʻrayev",
    "Kamola Shodiyeva",
];

pub const ROLES: &[&str] = &[
    "deputy minister of economy",
    "head of the trade mission",
    "chairman of the board",
    "ambassador",
    "director general",
    "deputy governor of the region",
    "spokesperson of the foreign ministry",
    "head of the investment agency",
    "project manager",
    "first deputy chairman",
    "member of parliament",
    "head of the chamber of commerce",
];

pub const ORGS: &[&str] = &[
    "Xəzər Logistics",
    "Gəncə Aluminium Works",
    "Şirvan Textile Cluster",
    "Naxçıvan Stone Company",
    "Sumqayıt Chemical Park",
    "Lənkəran Tea Company",
    "Qəbələ Agro",
    "Mingəçevir Hydro Company",
    "Caspian Green Power",
    "Bakı Jewellery House",
    "Şəki Silk Mill",
    "the Azerbaijan Export Promotion Agency",
    "the Ministry of Economy of Azerbaijan",
    "Turon Textile Group",
    "Fargʻona Silk Company",
    "Samarqand Motors",
    "Buxoro Cotton Holding",
    "Qoʻqon Cement",
    "Navoiy Gold Works",
    "Toshkent Agro Holding",
    "Oʻzbekiston Freight",
    "Nukus Solar",
    "Andijon Auto Parts",
    "Namangan Fruit Export",
    "the Ministry of Investment of Uzbekistan",
    "the Uzbek Chamber of Commerce",
    "the Azerbaijan–Uzbekistan Investment Fund",
    "the intergovernmental commission",
    "the Azerbaijan-Uzbek expert council",
    "Silk Way Container Line",
    "the Middle Corridor Consortium",
    "Turan Development Bank",
];

/// Publishers as (name, slug for source ids, place of publication).
pub const PUBLISHERS: &[(&str, &str, &str)] = &[
    ("Trend", "trend", "Baku"),
    ("Report.az", "report-az", "Baku"),
    ("APA", "apa", "Baku"),
    ("Azertac", "azertac", "Baku"),
    ("Xəzər Xəbər", "xezer-xeber", "Baku"),
    ("UzA", "uza", "Toshkent"),
    ("Kun.uz", "kun-uz", "Toshkent"),
    ("Gazeta.uz", "gazeta-uz", "Toshkent"),
    ("Daryo", "daryo", "Toshkent"),
    ("Xalq soʻzi", "xalq-sozi", "Toshkent"),
];

/// How an indicator's figure is counted.
#[derive(Clone, Copy)]
pub enum Unit {
    Money,
    /// A counted unit; the flag allows "thousand" as a multiplier (tonnes, tourists).
    Count(&'static str, bool),
}

#[derive(Clone, Copy)]
pub struct SectorVocab {
    pub id: &'static str,
    pub label: &'static str,
    /// What a project builds or runs.
    pub objects: &'static [&'static str],
    /// What is produced or traded.
    pub goods: &'static [&'static str],
    /// What an agreement or statement is about.
    pub themes: &'static [&'static str],
    /// What an event is.
    pub events: &'static [&'static str],
    /// What an indicator measures; `{place}`, `{good}` and `{org}` are filled in.
    pub metrics: &'static [(&'static str, Unit)],
}

pub const SECTORS: &[SectorVocab] = &[
    SectorVocab {
        id: "automotive",
        label: "Automotive",
        objects: &["car assembly plant", "bus factory", "auto parts plant", "tyre factory", "electric vehicle assembly line"],
        goods: &["passenger cars", "electric buses", "trucks", "tyres", "auto parts"],
        themes: &["joint production of electric buses", "localisation of auto parts", "car exports to the Caucasus"],
        events: &["automotive exhibition", "auto industry forum"],
        metrics: &[
            ("the number of vehicles assembled at the plant in {place}", Unit::Count("vehicles", false)),
            ("the value of {good} exports from {place}", Unit::Money),
            ("the number of dealerships opened by {org}", Unit::Count("dealerships", false)),
        ],
    },
    SectorVocab {
        id: "textiles",
        label: "Textiles",
        objects: &["textile cluster", "spinning mill", "garment factory", "dyeing and finishing plant", "carpet workshop"],
        goods: &["cotton yarn", "knitted fabric", "ready-made garments", "carpets", "denim"],
        themes: &["textile clusters", "the cotton-to-garment value chain", "joint textile exports to Europe"],
        events: &["textile fair", "fashion week", "carpet exhibition"],
        metrics: &[
            ("output of {good} in {place}", Unit::Count("tonnes", true)),
            ("the number of jobs created by the textile cluster in {place}", Unit::Count("jobs", false)),
            ("the value of {good} exported by {org}", Unit::Money),
        ],
    },
    SectorVocab {
        id: "agriculture",
        label: "Agriculture",
        objects: &[
            "silk-growing cluster",
            "greenhouse complex",
            "cold storage facility",
            "fruit processing plant",
            "drip irrigation network",
        ],
        goods: &["raw silk cocoons", "pomegranates", "hazelnuts", "apricots", "cherries", "dried fruit", "wheat", "tea"],
        themes: &["silk-growing", "food security", "joint agricultural exports", "water-saving irrigation"],
        events: &["harvest festival", "agro-industrial exhibition", "pomegranate festival"],
        metrics: &[
            ("the {good} harvest in {place}", Unit::Count("tonnes", true)),
            ("the area of orchards planted near {place}", Unit::Count("hectares", false)),
            ("the value of {good} exports from {place}", Unit::Money),
        ],
    },
    SectorVocab {
        id: "construction-materials",
        label: "Construction materials",
        objects: &["cement plant", "glass factory", "marble quarry", "brick works", "ceramic tile plant"],
        goods: &["cement", "float glass", "marble", "ceramic tiles", "gypsum board"],
        themes: &["construction materials supply", "reconstruction of liberated territories", "joint cement production"],
        events: &["building materials fair", "construction week"],
        metrics: &[
            ("production of {good} in {place}", Unit::Count("tonnes", true)),
            ("the value of {good} supplied by {org}", Unit::Money),
        ],
    },
    SectorVocab {
        id: "jewelry",
        label: "Jewelry",
        objects: &["jewellery workshop", "gold refinery", "gem-cutting centre", "jewellery trade house"],
        goods: &["gold jewellery", "silver filigree", "cut gemstones", "gold bars"],
        themes: &["jewellery craftsmanship", "joint jewellery production", "precious metals trade"],
        events: &["jewellery exhibition", "filigree masters' fair"],
        metrics: &[
            ("the value of {good} exports from {place}", Unit::Money),
            ("the amount of gold processed by {org}", Unit::Count("kilograms", false)),
        ],
    },
    SectorVocab {
        id: "energy",
        label: "Energy",
        objects: &[
            "solar power plant",
            "wind farm",
            "hydropower station",
            "green energy corridor",
            "power transmission line",
            "battery storage facility",
        ],
        goods: &["electricity", "natural gas", "green hydrogen", "solar panels"],
        themes: &[
            "green energy",
            "joint production of green energy and its export to Europe",
            "renewable energy",
            "energy efficiency",
            "the Caspian–Black Sea–Europe green energy corridor",
        ],
        events: &["green energy forum", "renewable energy conference", "energy week"],
        metrics: &[
            ("the capacity of the solar power plant near {place}", Unit::Count("megawatts", false)),
            ("the electricity generated by {org}", Unit::Count("gigawatt-hours", false)),
            ("investment in green energy projects in {place}", Unit::Money),
        ],
    },
    SectorVocab {
        id: "transport-logistics",
        label: "Transport & logistics",
        objects: &["logistics centre", "container terminal", "dry port", "railway line", "truck terminal", "ferry berth"],
        goods: &["containers", "freight", "transit cargo", "grain"],
        themes: &["the Middle Corridor", "transit cargo via the Caspian Sea", "direct flights", "multimodal freight"],
        events: &["transport and logistics forum", "Middle Corridor conference"],
        metrics: &[
            ("the volume of freight carried via {place}", Unit::Count("tonnes", true)),
            ("the number of container trains dispatched from {place}", Unit::Count("container trains", false)),
            ("the number of weekly flights between Baku and {place}", Unit::Count("flights", false)),
        ],
    },
    SectorVocab {
        id: "trade",
        label: "Trade",
        objects: &["trade house", "wholesale market", "free trade zone", "bonded warehouse", "export showroom"],
        goods: &["cotton", "fertiliser", "polypropylene", "copper wire", "aluminium", "dried fruit"],
        themes: &["trade turnover", "mutual trade", "a free trade regime", "the removal of trade barriers"],
        events: &["business forum", "trade fair", "export week"],
        metrics: &[
            ("trade turnover between Azerbaijan and Uzbekistan", Unit::Money),
            ("the value of {good} exports from {place}", Unit::Money),
            ("the number of companies trading through the trade house in {place}", Unit::Count("companies", false)),
        ],
    },
    SectorVocab {
        id: "investment",
        label: "Investment",
        objects: &["industrial park", "joint venture", "investment fund", "special economic zone", "technology park"],
        goods: &["joint ventures", "investment projects", "equity stakes"],
        themes: &["mutual investment", "the protection of investments", "joint ventures", "the joint investment fund"],
        events: &["investment forum", "investors' roundtable"],
        metrics: &[
            ("the number of companies with Azerbaijani capital in {place}", Unit::Count("companies", false)),
            ("the number of enterprises with Uzbek capital in {place}", Unit::Count("enterprises", false)),
            ("the portfolio of {org}", Unit::Money),
            ("the number of joint ventures registered in {place}", Unit::Count("joint ventures", false)),
        ],
    },
    SectorVocab {
        id: "diplomacy",
        label: "Diplomacy",
        objects: &["consulate general", "trade mission", "cultural centre", "joint expert council"],
        goods: &["mutual visits", "agreements", "consultations"],
        themes: &["allied relations", "strategic partnership", "political dialogue", "regional cooperation"],
        events: &["state visit", "intergovernmental commission meeting", "foreign ministers' consultations", "expert council session"],
        metrics: &[
            ("the number of mutual visits of the heads of state", Unit::Count("mutual visits", false)),
            ("the number of documents signed by the two governments", Unit::Count("documents", false)),
        ],
    },
    SectorVocab {
        id: "culture",
        label: "Culture",
        objects: &["cultural centre", "museum", "library", "theatre", "tourist route"],
        goods: &["tourists", "film screenings", "exhibitions"],
        themes: &["cultural heritage", "tourism", "education and student exchange", "the Great Silk Road heritage"],
        events: &["culture days", "film festival", "music festival", "poetry evening", "carpet weaving festival"],
        metrics: &[
            ("the number of tourists from Uzbekistan who visited {place}", Unit::Count("tourists", true)),
            ("the number of students from {place} studying in the partner country", Unit::Count("students", false)),
            ("the number of visitors to the festival in {place}", Unit::Count("visitors", true)),
        ],
    },
];

pub const AGREEMENT_DOCS: &[&str] = &[
    "memorandum of understanding",
    "agreement",
    "roadmap",
    "protocol",
    "investment agreement",
    "contract",
    "joint statement",
    "programme of cooperation",
];

/// What a summary says the source does not give, for a fact of `kind`, in the manner of
/// `data/dataset.json`.
pub fn caveats(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Project => &[
            "The source gives no completion date.",
            "The source does not say how the work is financed.",
            "The source names no contractor.",
            "The capacity of the plant is not given.",
            "No timetable is given.",
        ],
        Kind::Agreement => &[
            "The source does not give the duration of the document.",
            "The report does not say when it takes effect.",
            "No financial terms are disclosed.",
            "The source does not list the other signatories.",
        ],
        Kind::Indicator => &[
            "The source gives no base year.",
            "The source does not say whether the figure includes re-exports.",
            "The report does not say how the figure was measured.",
            "No breakdown by product is given.",
        ],
        Kind::Event => &[
            "The report does not name the other participants.",
            "The source gives no programme of the event.",
            "No agreements signed at the event are reported.",
        ],
        Kind::Statement => &[
            "The source gives no figures to support the claim.",
            "The remarks were not accompanied by a timetable.",
            "The report does not say who else attended.",
        ],
    }
}

pub const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

#[cfg(test)]
mod tests {
    use super::SECTORS;

    #[test]
    fn sectors_match_the_real_dataset() {
        let real = include_str!("../../data/dataset.json");
        let value: serde_json::Value = serde_json::from_str(real).unwrap();
        let real_ids: Vec<&str> = value["sectors"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
        let ours: Vec<&str> = SECTORS.iter().map(|s| s.id).collect();
        assert_eq!(ours, real_ids);
    }
}
