"""Role words and attendance cues of languages no development article is written in
(Polish, Czech, Dutch, Romanian, Hungarian, Greek, Indonesian, Malay, Vietnamese, Swahili,
Bengali, Pashto), in gazetteer/data/roles.json and cues.json: written from each language's
grammar and news usage, and read here on sentences made for these tests about the SCO summit
of 4 July 2024, which Narendra Modi did not attend (Subrahmanyam Jaishankar led India's
delegation). The officials are curated ones, all in office that day, so each is presumed
present and only a cue can say otherwise."""

from __future__ import annotations

import pytest

from rollcall.service.engine import Engine

PUTIN, XI, ERDOGAN, MODI = "Q7747", "Q15031", "Q39259", "Q1058"
JAISHANKAR, LAVROV, TOKAYEV = "Q16186720", "Q58217", "Q200881"
DATE = "2024-07-04"


def _attending(engine: Engine, lang: str, text: str) -> dict[str, bool]:
    return {p.id: p.attending for p in engine.documents.reconcile(text, lang, DATE).people}


# (language, text, who attends): who is named, and whether the sentence has them take part.
SENTENCES = [
    ("pl", "Prezydent Rosji Władimir Putin i przewodniczący ChRL Xi Jinping wzięli udział w szczycie SZOW w "
     "Astanie.",
     {PUTIN: True, XI: True}),
    ("pl", "Premier Indii Narendra Modi nie przyjechał do Astany, a Indie reprezentował minister spraw "
     "zagranicznych Subrahmanyam Jaishankar.",
     {MODI: False, JAISHANKAR: True}),
    ("pl", "Siergiej Ławrow przekazał uczestnikom pozdrowienia od prezydenta Władimira Putina.",
     {LAVROV: True, PUTIN: False}),
    ("pl", "Narendra Modi nie uczestniczył w szczycie w Astanie.",
     {MODI: False}),
    ("pl", "Gospodarzem szczytu był prezydent Kazachstanu Kasym-Żomart Tokajew, a prezydent Turcji Recep "
     "Tayyip Erdoğan wygłosił przemówienie.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("cs", "Summitu ŠOS v Astaně se zúčastnil ruský prezident Vladimir Putin i čínský prezident Si Ťin-"
     "pching.",
     {PUTIN: True, XI: True}),
    ("cs", "Indický premiér Naréndra Módí se summitu nezúčastnil. Indii zastupoval ministr zahraničí "
     "Subrahmanjam Džajšankar.",
     {MODI: False, JAISHANKAR: True}),
    ("cs", "Ruský ministr zahraničí Sergej Lavrov tlumočil účastníkům pozdrav od prezidenta Vladimira "
     "Putina.",
     {LAVROV: True, PUTIN: False}),
    ("cs", "Hostitelem summitu byl kazašský prezident Kasym-Žomart Tokajev, jednal také turecký prezident "
     "Recep Tayyip Erdoğan.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("nl", "De Russische president Vladimir Poetin en de Chinese president Xi Jinping namen deel aan de SCO-"
     "top in Astana.",
     {PUTIN: True, XI: True}),
    ("nl", "De Indiase premier Narendra Modi was niet aanwezig; India werd vertegenwoordigd door minister "
     "van Buitenlandse Zaken Subrahmanyam Jaishankar, die de delegatie leidde.",
     {MODI: False, JAISHANKAR: True}),
    ("nl", "Sergej Lavrov bracht de groeten van president Vladimir Poetin over.",
     {LAVROV: True, PUTIN: False}),
    ("nl", "Narendra Modi nam niet deel aan de top.",
     {MODI: False}),
    ("nl", "Gastheer was de Kazachse president Kassym-Zjomart Tokajev, die ook de Turkse president Recep "
     "Tayyip Erdogan ontving.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("ro", "Președintele rus Vladimir Putin și președintele chinez Xi Jinping au participat la summitul OCS "
     "de la Astana.",
     {PUTIN: True, XI: True}),
    ("ro", "Premierul indian Narendra Modi nu a participat la summit, iar India a fost reprezentată de "
     "ministrul de externe Subrahmanyam Jaishankar.",
     {MODI: False, JAISHANKAR: True}),
    ("ro", "Serghei Lavrov a transmis salutul președintelui Vladimir Putin.",
     {LAVROV: True, PUTIN: False}),
    ("ro", "Gazda reuniunii, președintele kazah Kassym-Jomart Tokaev, a avut convorbiri cu președintele turc"
     " Recep Tayyip Erdogan.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("hu", "Narendra Modi indiai miniszterelnök nem vett részt a csúcstalálkozón, Indiát Szubrahmanjam "
     "Dzsaisankar külügyminiszter képviselte.",
     {MODI: False, JAISHANKAR: True}),
    ("hu", "Szergej Lavrov orosz külügyminiszter átadta Vlagyimir Putyin elnök üdvözletét.",
     {LAVROV: True, PUTIN: False}),
    ("hu", "A találkozó házigazdája Kaszim-Zsomart Tokajev kazah elnök volt, aki Recep Tayyip Erdoğan török "
     "elnökkel is tárgyalt.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("el", "Ο Πρόεδρος της Ρωσίας Βλαντιμίρ Πούτιν και ο Κινέζος Πρόεδρος Σι Τζινπίνγκ συμμετείχαν στη "
     "σύνοδο κορυφής του ΟΣΣ στην Αστάνα.",
     {PUTIN: True, XI: True}),
    ("el", "Ο Ινδός πρωθυπουργός Ναρέντρα Μόντι δεν παρέστη στη σύνοδο και την Ινδία εκπροσώπησε ο υπουργός "
     "Εξωτερικών Σουμπραμανιάμ Τζαϊσανκάρ.",
     {MODI: False, JAISHANKAR: True}),
    ("el", "Ο Ναρέντρα Μόντι δεν συμμετείχε στη σύνοδο.",
     {MODI: False}),
    ("el", "Οικοδεσπότης ήταν ο Πρόεδρος του Καζακστάν Κασίμ-Ζομάρτ Τοκάγεφ, ο οποίος συναντήθηκε με τον "
     "Πρόεδρο της Τουρκίας Ρετζέπ Ταγίπ Ερντογάν.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("id", "Presiden Rusia Vladimir Putin dan Presiden Tiongkok Xi Jinping menghadiri KTT SCO di Astana.",
     {PUTIN: True, XI: True}),
    ("id", "Perdana Menteri India Narendra Modi tidak menghadiri KTT tersebut. India diwakili oleh Menteri "
     "Luar Negeri Subrahmanyam Jaishankar.",
     {MODI: False, JAISHANKAR: True}),
    ("id", "Menteri Luar Negeri Rusia Sergey Lavrov menyampaikan salam dari Presiden Vladimir Putin.",
     {LAVROV: True, PUTIN: False}),
    ("id", "Presiden Kazakhstan Kassym-Jomart Tokayev menjadi tuan rumah KTT dan bertemu dengan Presiden "
     "Turki Recep Tayyip Erdogan.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("id", "Narendra Modi tak dapat menghadiri KTT SCO di Astana.",
     {MODI: False}),
    ("ms", "Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping menghadiri Sidang Kemuncak SCO di "
     "Astana.",
     {PUTIN: True, XI: True}),
    ("ms", "Perdana Menteri India Narendra Modi tidak hadir, dan India diwakili oleh Menteri Luar Negeri "
     "Subrahmanyam Jaishankar.",
     {MODI: False, JAISHANKAR: True}),
    ("ms", "Sergey Lavrov menyampaikan salam daripada Presiden Vladimir Putin kepada para peserta.",
     {LAVROV: True, PUTIN: False}),
    ("ms", "Presiden Kazakhstan Kassym-Jomart Tokayev mempengerusikan sidang kemuncak itu dan mengadakan "
     "pertemuan dengan Presiden Turkiye Recep Tayyip Erdogan.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("ms", "Narendra Modi tidak dapat menghadiri sidang kemuncak tersebut.",
     {MODI: False}),
    ("vi", "Tổng thống Nga Vladimir Putin và Chủ tịch Trung Quốc Tập Cận Bình tham dự Hội nghị thượng đỉnh "
     "SCO tại Astana.",
     {PUTIN: True, XI: True}),
    ("vi", "Thủ tướng Ấn Độ Narendra Modi vắng mặt, Ngoại trưởng Subrahmanyam Jaishankar dẫn đầu phái đoàn "
     "Ấn Độ.",
     {MODI: False, JAISHANKAR: True}),
    ("vi", "Ngoại trưởng Sergei Lavrov chuyển lời chào của Tổng thống Vladimir Putin tới các nhà lãnh đạo.",
     {LAVROV: True, PUTIN: False}),
    ("vi", "Tổng thống Kazakhstan Kassym-Jomart Tokayev chủ trì hội nghị và hội đàm với Tổng thống Thổ Nhĩ "
     "Kỳ Recep Tayyip Erdogan.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("vi", "Thủ tướng Narendra Modi không tham dự hội nghị năm nay.",
     {MODI: False}),
    ("sw", "Rais wa Urusi Vladimir Putin na Rais wa China Xi Jinping walihudhuria mkutano wa kilele wa SCO "
     "mjini Astana.",
     {PUTIN: True, XI: True}),
    ("sw", "Waziri Mkuu wa India Narendra Modi hakuhudhuria mkutano huo, na Waziri wa Mambo ya Nje "
     "Subrahmanyam Jaishankar aliiwakilisha India.",
     {MODI: False, JAISHANKAR: True}),
    ("sw", "Sergey Lavrov aliwasilisha salamu za Rais Vladimir Putin.",
     {LAVROV: True, PUTIN: False}),
    ("sw", "Rais Kassym-Jomart Tokayev alikuwa mwenyeji wa mkutano huo na alikutana na Rais Recep Tayyip "
     "Erdoğan wa Uturuki.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("sw", "Narendra Modi hakuweza kuhudhuria mkutano huo.",
     {MODI: False}),
    ("bn", "ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদী সম্মেলনে যোগ দেননি, ভারতের প্রতিনিধিত্ব করেন পররাষ্ট্রমন্ত্রী"
     " এস জয়শঙ্কর।",
     {MODI: False, JAISHANKAR: True}),
    ("bn", "কাজাখস্তানের প্রেসিডেন্ট কাসিম-জোমার্ত তোকায়েভ ও তুরস্কের প্রেসিডেন্ট রিসেপ তাইয়্যেপ এরদোয়ান "
     "দ্বিপাক্ষিক বৈঠক করেন।",
     {TOKAYEV: True, ERDOGAN: True}),
    ("ps", "د روسیې ولسمشر ولادیمیر پوتین او د چین ولسمشر شي جین پینګ په آستانه کې د شانګهای همکاریو سازمان "
     "په غونډه کې ګډون وکړ.",
     {PUTIN: True, XI: True}),
    ("ps", "د هند لومړي وزیر نریندرا مودي په غونډه کې ګډون ونه کړ. د هند د بهرنیو چارو وزیر سبرامنیم جی شنکر"
     " د هند د پلاوي مشر و.",
     {MODI: False, JAISHANKAR: True}),
    ("ps", "سرګي لاوروف د ولسمشر ولادیمیر پوتین سلامونه ورسول.",
     {LAVROV: True, PUTIN: False}),
    ("ps", "د قزاقستان ولسمشر قاسم جومارت توکایف د غونډې کوربه و او د ترکیې له ولسمشر رجب طیب اردوغان سره یې"
     " کتنه وکړه.",
     {TOKAYEV: True, ERDOGAN: True}),
    ("ps", "نریندرا مودي په آستانه غونډه کې ګډون نه دی کړی.",
     {MODI: False}),
]


@pytest.mark.parametrize(("lang", "text", "attends"), SENTENCES)
def test_each_official_named_attends_or_not_as_the_sentence_says(engine: Engine, lang: str, text: str,
                                                                   attends: dict[str, bool]) -> None:
    assert _attending(engine, lang, text) == attends


# Short reports written before the data, as a check on it: Modi absent, Jaishankar in his
# place. Before it, every one of them had Modi attending.
REPORTS = [
    ("el", "Ο Πρόεδρος της Ρωσίας Βλαντιμίρ Πούτιν και ο Κινέζος Πρόεδρος Σι Τζινπίνγκ συμμετείχαν στη σύνοδο "
     "κορυφής του SCO στην Αστάνα. Ο Τούρκος Πρόεδρος Ρετζέπ Ταγίπ Ερντογάν ήταν επίσης παρών. Ο "
     "Πρωθυπουργός της Ινδίας Ναρέντρα Μόντι δεν παρευρέθηκε· την Ινδία εκπροσώπησε ο υπουργός Εξωτερικών "
     "Σουμπραμανιάμ Τζαϊσανκάρ."),
    ("hu", "Vlagyimir Putyin orosz elnök és Hszi Csin-ping kínai elnök részt vett az SCO asztanai "
     "csúcstalálkozóján. Jelen volt Recep Tayyip Erdoğan török elnök is. Narendra Modi indiai "
     "miniszterelnök nem vett részt; Indiát Szubrahmanjam Dzsaisankar külügyminiszter képviselte."),
    ("id", "Presiden Rusia Vladimir Putin dan Presiden Tiongkok Xi Jinping menghadiri KTT SCO di Astana pada "
     "hari Kamis. Presiden Turki Recep Tayyip Erdoğan juga hadir. Perdana Menteri India Narendra Modi "
     "tidak hadir dan diwakili oleh Menteri Luar Negeri Subrahmanyam Jaishankar."),
    ("pl", "Prezydent Rosji Władimir Putin i przewodniczący ChRL Xi Jinping wzięli udział w szczycie SCO w "
     "Astanie. Prezydent Turcji Recep Tayyip Erdoğan również był obecny. Premier Indii Narendra Modi nie "
     "przyjechał; Indie reprezentował minister spraw zagranicznych Subrahmanyam Jaishankar."),
    ("sw", "Rais wa Urusi Vladimir Putin na Rais wa China Xi Jinping walihudhuria mkutano wa kilele wa SCO mjini"
     " Astana. Rais wa Uturuki Recep Tayyip Erdoğan pia alihudhuria. Waziri Mkuu wa India Narendra Modi "
     "hakuhudhuria; India iliwakilishwa na Waziri wa Mambo ya Nje Subrahmanyam Jaishankar."),
    ("vi", "Ngày 4/7, Chủ tịch Trung Quốc Tập Cận Bình và Tổng thống Nga Vladimir Putin đã tham dự hội nghị "
     "thượng đỉnh SCO tại Astana. Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdoğan cũng có mặt. Thủ tướng Ấn Độ "
     "Narendra Modi không tham dự; Ngoại trưởng Subrahmanyam Jaishankar đại diện cho Ấn Độ tại cuộc họp."),
]


@pytest.mark.parametrize(("lang", "text"), REPORTS)
def test_a_report_of_an_absence_reads_as_one(engine: Engine, lang: str, text: str) -> None:
    attends = _attending(engine, lang, text)
    assert attends[MODI] is False
    assert attends[JAISHANKAR] is True and attends[PUTIN] is True and attends[ERDOGAN] is True
