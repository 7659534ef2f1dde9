/* Interface labels (English / Arabic), ACLED type names and colours. */
"use strict";

window.MARSAD_I18N = {
  en: {
    comma: ", ", brand: "Marsad", tagline: "Events from Arabic news", search_ph: "Search article text…",
    export_csv: "ACLED CSV", export_geojson: "GeoJSON", api: "API", lang_other: "عربي",
    filters: "Filters", reset: "Reset", event_type: "Event type", country: "Country",
    all_countries: "All countries", actor: "Actor", actor_ph: "e.g. army, Islamic State",
    in_view: "Only events in the map view", period: "Period", all_time: "All dates", clear: "Clear", events: "Events", more: "Load more",
    timeline: "Timeline", tl_hint: "drag to select a period · click a bar", article: "Article",
    n_events: (n, plus) => `${n.toLocaleString("en")}${plus || ""} event${n === 1 && !plus ? "" : "s"}`, showing: (a, b) => `${a.toLocaleString("en")} of ${b.toLocaleString("en")}`,
    on_map: (a, b, capped) => a < b ? `Map shows ${a.toLocaleString("en")}` + (b < Infinity ? ` of ${b.toLocaleString("en")}` : "") + " events" +
      (capped ? " (the newest)" : " (the others have no place)") : "",
    no_events: "No events match these filters.", load_error: "Could not load data: ",
    actor1: "Actor 1", actor2: "Actor 2", location: "Location", date: "Date", fatalities: "Fatalities",
    confidence: "Confidence", modality: "Modality", evidence: "Evidence", precision: "precision",
    open_source: "Open source ↗", published: "Published", quotes: "Quotes", said: "said",
    unknown: "unknown", selected_event: "Selected event", open_article: "Open article",
    lbl: {PER: "Person", ORG: "Organisation", LOC: "Place", MISC: "Other", DATE: "Date", EVENT: "Event", QUOTE: "Quote", EVIDENCE: "Evidence"},
    types: {}, subtypes: {},
  },
  ar: {
    comma: "، ", brand: "مرصد", tagline: "أحداث من الأخبار العربية", search_ph: "ابحث في نصوص المقالات…",
    export_csv: "CSV بصيغة ACLED", export_geojson: "GeoJSON", api: "الواجهة البرمجية", lang_other: "English",
    filters: "عوامل التصفية", reset: "إعادة ضبط", event_type: "نوع الحدث", country: "البلد",
    all_countries: "كل البلدان", actor: "الفاعل", actor_ph: "مثلاً: الجيش، داعش",
    in_view: "الأحداث الظاهرة في الخريطة فقط", period: "الفترة", all_time: "كل التواريخ", clear: "مسح", events: "الأحداث", more: "عرض المزيد",
    timeline: "الخط الزمني", tl_hint: "اسحب لتحديد فترة · انقر على عمود", article: "المقال",
    n_events: (n, plus) => `الأحداث: ${n.toLocaleString("ar")}${plus || ""}`, showing: (a, b) => `${a.toLocaleString("ar")} من ${b.toLocaleString("ar")}`,
    on_map: (a, b, capped) => a < b ? `تعرض الخريطة ${a.toLocaleString("ar")}` + (b < Infinity ? ` من ${b.toLocaleString("ar")}` : "") + " حدثاً" +
      (capped ? " (الأحدث)" : " (الباقي بلا موقع)") : "",
    no_events: "لا أحداث تطابق عوامل التصفية.", load_error: "تعذّر تحميل البيانات: ",
    actor1: "الفاعل الأول", actor2: "الفاعل الثاني", location: "المكان", date: "التاريخ", fatalities: "القتلى",
    confidence: "الثقة", modality: "الصيغة", evidence: "الدليل", precision: "الدقة",
    open_source: "فتح المصدر ↗", published: "تاريخ النشر", quotes: "الاقتباسات", said: "قال",
    unknown: "غير معروف", selected_event: "الحدث المحدد", open_article: "فتح المقال",
    lbl: {PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى", DATE: "تاريخ", EVENT: "حدث", QUOTE: "اقتباس", EVIDENCE: "دليل"},
    types: {
      "Battles": "معارك", "Explosions/Remote violence": "انفجارات/عنف عن بعد",
      "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
      "Strategic developments": "تطورات استراتيجية",
    },
    subtypes: {
      "Armed clash": "اشتباك مسلح", "Government regains territory": "استعادة الحكومة السيطرة على أراضٍ",
      "Non-state actor overtakes territory": "سيطرة جهة غير حكومية على أراضٍ",
      "Chemical weapon": "سلاح كيميائي", "Air/drone strike": "غارة جوية/بطائرة مسيّرة",
      "Suicide bomb": "تفجير انتحاري", "Shelling/artillery/missile attack": "قصف مدفعي/صاروخي",
      "Remote explosive/landmine/IED": "عبوة ناسفة/لغم", "Grenade": "قنبلة يدوية",
      "Sexual violence": "عنف جنسي", "Attack": "هجوم", "Abduction/forced disappearance": "اختطاف/إخفاء قسري",
      "Peaceful protest": "احتجاج سلمي", "Protest with intervention": "احتجاج مع تدخل",
      "Excessive force against protesters": "قوة مفرطة ضد المحتجين", "Violent demonstration": "تظاهرة عنيفة",
      "Mob violence": "عنف جماعي", "Agreement": "اتفاق", "Arrests": "اعتقالات",
      "Change to group/activity": "تغيير في جماعة/نشاط", "Disrupted weapons use": "إحباط استخدام أسلحة",
      "Headquarters or base established": "إنشاء مقر أو قاعدة", "Looting/property destruction": "نهب/تدمير ممتلكات",
      "Non-violent transfer of territory": "انتقال سلمي للسيطرة على أراضٍ", "Other": "أخرى",
    },
  },
};

/* ACLED's six event types, in the codebook's order, with a colour-blind-friendly palette. */
window.MARSAD_TYPES = [
  ["Battles", "#d1495b"],
  ["Explosions/Remote violence", "#ed7d31"],
  ["Violence against civilians", "#8e5ea2"],
  ["Protests", "#2f7ebc"],
  ["Riots", "#e0b400"],
  ["Strategic developments", "#3a9d73"],
];
window.MARSAD_OTHER_COLOR = "#7c8591";
