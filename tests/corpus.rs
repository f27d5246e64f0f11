//! The generated corpora of `tests/fixtures/corpus/`: letters made with a
//! word processor (`office/`), parliamentary papers typeset with LaTeX
//! (`latex/`), and a set of both with other layouts (`heldout/`: side
//! column at the left, tables, footnote symbols, first-line indents) and a
//! second such set (`heldout2/`: fields in a table, two-column pages,
//! roman list labels, unruled tables) and a third (`heldout3/`: a drawn
//! logo, side columns of other widths, `Onze referentie`/`Uw kenmerk`/
//! `Bijlagen` fields, nested lists, page footers, running headers on every
//! page, numbered LaTeX sections), each with a gold segmentation from its
//! source. `heldout2/` was first read at 0.881 from the PDF and then
//! used for tuning; `heldout3/` came after it, was first read at 0.937
//! from the PDF and has since been used for tuning too (1.000); a fourth
//! (`heldout4/`: a side column on page 1 only, a bordered summary box,
//! footnotes numbered per page or from 14, an annex on a new page, a
//! two-line running header, run-in headings, captioned tables) was first
//! read at 0.963 from the PDF, unseen, and has since been used for tuning
//! as well (1.000); a fifth (`heldout5/`: a municipal letterhead with the
//! fields in a row, a centred provincial letterhead, paragraphs numbered in
//! the margin, headings over a rule, tables with a total row, quoted
//! motions) was first read at 0.801, 0.803 after the fourth set's fixes
//! (the figure for unseen documents), and has since been used for tuning
//! (1.000); a sixth (`heldout6/`: Kamerbrieven in the ministry template with
//! more side-column fields, a contact person, two signers, lists and
//! paragraphs over a page break, an English translation; Kamerstukken with
//! numbered sections and subsections, a footnote split over two pages, a
//! list of questions and answers, a heading at the foot of a page) was
//! first read at 0.990 (0.978 before the fixes made
//! on the fifth set, which did not look at it) from the PDF, unseen, and
//! has been tuned on since (0.994); a seventh
//! (`heldout7/`: a table over a page break with a caption, two signers side
//! by side, bold run-in headings and nested bullets in a letter, a nota naar
//! aanleiding van het verslag with the fractions' questions in italics, a
//! paper with `(1)`, `(2)` in the running text) was first read at 0.987 from
//! the PDF, unseen (0.993 since); an eighth (`heldout8/`: a side column
//! with the date or `Uw brief van` above the reference and a small-print
//! line at its foot, lettered lists over a page break, footnotes of two
//! paragraphs, a director-general signing "namens deze", an annex list, a
//! numbered list that goes on after a paragraph; an English motion with its
//! submitters' names, a memorie van toelichting with a table over a page
//! break) was first read at 0.991 from the PDF, unseen; a ninth
//! (`heldout9/`: a letter answering Kamervragen with bold numbered
//! questions, roman-numbered headings, a captioned table with a footnote
//! marker in a cell, two signers one under the other, roman sub-items of a
//! lettered list; an English amended amendment with quoted text to insert,
//! a voorstel van wet with chapters, articles `2.2` and members with points)
//! was first read at 0.967 from the PDF, unseen; a tenth (`heldout10/`:
//! a table whose header row repeats on the next page, the report of a
//! committee debate with speakers' turns, three levels of section numbers,
//! annexes listed in the side column, recommendations quoted under italic
//! headings) at 0.947; an eleventh (`heldout11/`: a numbered list with
//! bulleted sub-lists over a page break, two tables with captions and
//! source lines, a subject over three lines, a report of a written
//! consultation with party headings and numbered questions, a Dutch
//! amendement) at 0.996; a twelfth (`heldout12/`: a contact person's
//! block in the side column, a table with negative amounts and a total
//! row, a list of questions and answers with a budget's roman chapter in
//! its number, a nota van wijziging) at 0.982; a thirteenth
//! (`heldout13/`: a Dutch debate's report, a summary box under the
//! salutation, a table cut after its header row by a page break, an
//! English explanatory memorandum) at 0.993; a fourteenth (`heldout14/`:
//! a letter of four pages, a table row cut by a page break inside its text
//! cell, a bill and its memorie van toelichting in one paper, a table's
//! header row alone at a page's foot) at 0.989; a fifteenth (`heldout15/`:
//! two ministers signing one letter, a table cut after its first row, a
//! committee's report on a bill, an annotated Council agenda) at 1.000;
//! a sixteenth (`heldout16/`: a letter of five pages, a table of labels
//! and sentences, a Dutch annotated agenda after a cover letter, a motion
//! of one page, an English explanatory memorandum) at 0.993; a
//! seventeenth (`heldout17/`: a letter of six pages with a table cut by a
//! page break, answers to Kamervragen as a letter and as a paper, a
//! motion with a lettered list, a footnote over a page break) at 0.990;
//! an eighteenth (`heldout18/`: a letter of seven pages with a table whose
//! header row is repeated after a page break, answers to Kamervragen as an
//! annex after a cover letter, a Dutch annotated agenda, an English
//! amendment with a lettered list) at 0.991; a nineteenth (`heldout19/`:
//! a letter of eight pages with a footnote running on to the next page,
//! English answers to Kamervragen as an annex, a Dutch annotated agenda
//! with a lettered list cut by a page break) at 0.990; a twentieth
//! (`heldout20/`: a letter of nine pages, an English letter with a table
//! over a page break and a note running on, a Dutch paper with a note
//! running on above a label printed after it, English answers to
//! Kamervragen as a paper) at 0.990; a twenty-first (`heldout21/`: Dutch
//! answers to Kamervragen with a note running on, a lettered list inside a
//! numbered one cut by a page break, a table over a page break in an
//! English paper) at 0.996; a twenty-second (`heldout22/`: a table printed
//! cell by cell with money in mln., a sentence with two footnote markers,
//! a pdfLaTeX list of questions and answers with a table) at 1.000; a
//! twenty-third (`heldout23/`: a letter to a municipality's executive, a
//! table's last row alone atop the next page, a pdfLaTeX note running on
//! to the next page, an English memorandum in reply) at 0.989; a
//! twenty-fourth (`heldout24/`: a letter to a province, a Dutch
//! memorandum in reply with its questions quoted, a numbered list cut by
//! a page break, a table of ranges) at 1.000; a twenty-fifth
//! (`heldout25/`: a quoted motion with its considerations, a lettered list
//! nested under a bullet, two signers side by side, a quoted question cut
//! by a page break before its note's marker) at 0.996; a twenty-sixth
//! (`heldout26/`: a letter to a water board signed on the minister's
//! behalf, a committee's report on a working visit with labelled items,
//! an English paper whose page numbers stand under its running header)
//! at 1.000; a twenty-seventh (`heldout27/`: a council's motion quoted
//! with its considerations over a page break, a table with a bold total
//! row and a header cell over two lines, a memorandum of amendment) at
//! 0.983.
//! brug reads
//! each from the PDF itself and from `pdftotext` text in both modes; every
//! document and mode keeps its own floor on exact segment F1, so a
//! document that got better cannot hide one that got worse.

use std::collections::HashMap;

use brug::ingest::Layout;
use unicode_normalization::UnicodeNormalization;

use crate::common::{repo, segment_file, segment_text};

fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// The modes, in the order of the floors below.
const MODES: [&str; 3] = ["pdf", "pdftotext", "pdftotext-layout"];

/// (corpus, document) and its F1 floors, in the order of [`MODES`].
const FLOORS: &[((&str, &str), [f64; 3])] = &[
    (
        ("office", "Kamerbrief_digitale_toegankelijkheid"),
        [1.00, 0.96, 1.00],
    ),
    (
        ("office", "Kamerbrief_teruggaaf_energiebelasting"),
        [1.00, 0.98, 1.00],
    ),
    (
        ("office", "Kamerbrief_veenweide_pilots"),
        [1.00, 0.95, 0.97],
    ),
    (
        ("office", "Kamerbrief_wachttijden_jeugdzorg"),
        [1.00, 0.98, 1.00],
    ),
    (("office", "Letter_flood_resilience_en"), [1.00, 0.98, 0.97]),
    (("latex", "en_inland_shipping"), [1.00, 0.94, 0.98]),
    (("latex", "nl_deelmobiliteit"), [1.00, 0.98, 1.00]),
    (("latex", "nl_drinkwaterbronnen"), [1.00, 0.95, 0.98]),
    (("latex", "nl_energietoeslag"), [1.00, 1.00, 0.98]),
    (
        ("heldout", "Kamerbrief_laadinfrastructuur"),
        [1.00, 0.90, 0.90],
    ),
    (
        ("heldout", "Kamerbrief_schuldhulp_jongeren"),
        [1.00, 0.97, 0.97],
    ),
    (
        ("heldout", "Letter_cyber_resilience_en"),
        [1.00, 0.97, 1.00],
    ),
    (("heldout", "en_groundwater_monitoring"), [1.00, 1.00, 0.96]),
    (("heldout", "nl_bodemdaling_veenweide"), [0.99, 0.98, 1.00]),
    (
        ("heldout2", "Kamerbrief_collectieve_warmte"),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout2", "Kamerbrief_respijtzorg_mantelzorgers"),
        [1.00, 1.00, 1.00],
    ),
    (("heldout2", "Letter_seed_banks_en"), [1.00, 0.94, 0.96]),
    (
        ("heldout2", "en_ferry_services_islands"),
        [1.00, 0.96, 0.86],
    ),
    (
        ("heldout2", "nl_leesvaardigheid_basisschool"),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout3", "Kamerbrief_loden_leidingen"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout3", "Kamerbrief_woningdelen_ouderen"),
        [1.00, 0.96, 1.00],
    ),
    (
        ("heldout3", "Letter_hydrogen_corridor_en"),
        [1.00, 0.93, 0.94],
    ),
    (("heldout3", "en_medicine_shortages"), [1.00, 0.99, 1.00]),
    (
        ("heldout3", "nl_zwemvaardigheid_kinderen"),
        [1.00, 0.97, 0.98],
    ),
    (
        ("heldout4", "Kamerbrief_schoolverzuim_mbo"),
        [1.00, 0.96, 0.96],
    ),
    (
        ("heldout4", "Kamerbrief_zonnedaken_erven"),
        [1.00, 1.00, 0.98],
    ),
    (("heldout4", "Letter_river_ferries_en"), [1.00, 0.87, 0.91]),
    (("heldout4", "en_bridge_inspections"), [1.00, 0.94, 1.00]),
    (("heldout4", "nl_erfpacht_gemeenten"), [1.00, 1.00, 1.00]),
    (
        ("heldout5", "Brief_gemeente_parkeervergunningen"),
        [1.00, 0.95, 0.97],
    ),
    (
        ("heldout5", "Brief_provincie_buurtbussen"),
        [1.00, 0.95, 0.98],
    ),
    (
        ("heldout5", "Letter_shellfish_exports_en"),
        [1.00, 1.00, 1.00],
    ),
    (("heldout5", "en_flood_defence_budget"), [1.00, 0.92, 0.97]),
    (("heldout5", "nl_moties_drinkwater"), [1.00, 0.98, 0.98]),
    (
        ("heldout6", "Kamerbrief_huisvesting_arbeidsmigranten"),
        [1.00, 0.98, 1.00],
    ),
    (
        ("heldout6", "Kamerbrief_slachtofferloketten"),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout6", "Letter_international_students_en"),
        [1.00, 1.00, 1.00],
    ),
    (("heldout6", "en_level_crossings"), [1.00, 1.00, 1.00]),
    (
        ("heldout6", "nl_huisartsenposten_wadden"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout6", "nl_vragen_kortetermijnverhuur"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout7", "Kamerbrief_herstel_palingstand"),
        [0.98, 0.96, 0.92],
    ),
    (
        ("heldout7", "Letter_rural_broadband_en"),
        [1.00, 1.00, 1.00],
    ),
    (("heldout7", "en_trade_mission_kenya"), [1.00, 0.97, 0.96]),
    (("heldout7", "nl_nota_deelscooters"), [1.00, 1.00, 1.00]),
    (
        ("heldout8", "Kamerbrief_aed_dekking_dorpen"),
        [0.97, 0.93, 0.97],
    ),
    (
        ("heldout8", "Kamerbrief_verdeling_gemeentefonds"),
        [0.98, 0.92, 0.96],
    ),
    (
        ("heldout8", "Letter_offshore_wind_tender_en"),
        [1.00, 0.94, 1.00],
    ),
    (("heldout8", "en_motion_rental_homes"), [1.00, 1.00, 1.00]),
    (
        ("heldout8", "nl_mvt_statiegeld_drankkartons"),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout9", "Kamerbrief_antwoorden_keuring_rijbewijs"),
        [0.96, 0.93, 0.96],
    ),
    (
        ("heldout9", "Kamerbrief_subsidie_landschapselementen"),
        [1.00, 1.00, 0.98],
    ),
    (
        ("heldout9", "Letter_export_fund_evaluation_en"),
        [1.00, 1.00, 1.00],
    ),
    (("heldout9", "en_amendment_class_size"), [0.96, 0.95, 0.95]),
    (
        ("heldout9", "nl_wetsvoorstel_deelvoertuigen"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout10", "Kamerbrief_besluiten_monumentenregister"),
        [1.00, 0.95, 1.00],
    ),
    (
        ("heldout10", "Kamerbrief_verdeling_middelen_acute_zorg"),
        [1.00, 0.97, 0.98],
    ),
    (
        (
            "heldout10",
            "Letter_response_advisory_report_juvenile_detention_en",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout10", "en_report_committee_debate_rural_buses"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout10", "nl_mvt_grondwaterheffing"),
        [1.00, 0.98, 1.00],
    ),
    (
        ("heldout11", "Kamerbrief_netcongestie_bedrijventerreinen"),
        [1.00, 0.95, 1.00],
    ),
    (
        ("heldout11", "Kamerbrief_zwemvaardigheid_basisschool"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout11", "Letter_vacant_shops_town_centres_en"),
        [1.00, 0.97, 1.00],
    ),
    (
        (
            "heldout11",
            "en_report_written_consultation_teacher_shortage",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout11", "nl_amendement_huurbevriezing_studentenkamers"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout12", "Kamerbrief_bijstelling_budget_vaarwegen"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout12", "Kamerbrief_voortgang_aanpak_laaggeletterdheid"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout12", "Letter_smoke_free_generation_progress_en"),
        [1.00, 1.00, 0.93],
    ),
    (
        ("heldout12", "en_list_of_questions_budget_climate_2027"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout12", "nl_nota_van_wijziging_kinderopvang_gastouders"),
        [1.00, 0.96, 1.00],
    ),
    (
        (
            "heldout13",
            "Kamerbrief_stand_van_zaken_brandveiligheid_huurwoningen",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout13",
            "Kamerbrief_uitvoering_motie_visserij_waddenzee",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout13", "Letter_housing_for_seasonal_workers_en"),
        [1.00, 1.00, 0.98],
    ),
    (
        (
            "heldout13",
            "en_explanatory_memorandum_deposit_scheme_bottles",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout13",
            "nl_verslag_commissiedebat_jeugdzorg_wachttijden",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout14",
            "Kamerbrief_voortgang_aanpak_drugssmokkel_havens",
        ),
        [0.96, 0.93, 0.83],
    ),
    (
        (
            "heldout14",
            "Kamerbrief_voortgang_warmtenetten_en_reactie_rekenkamer",
        ),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout14", "Letter_flood_insurance_households_en"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout14",
            "en_memorandum_in_response_to_report_rail_freight_noise",
        ),
        [1.00, 0.96, 1.00],
    ),
    (
        (
            "heldout14",
            "nl_wetsvoorstel_en_mvt_leeftijdsgrens_online_kansspelen",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout15",
            "Kamerbrief_aanpak_asbestdaken_na_verwerping_verbod",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout15",
            "Kamerbrief_bibliotheekvoorziening_kleine_kernen",
        ),
        [1.00, 1.00, 0.98],
    ),
    (
        ("heldout15", "Letter_bluetongue_vaccination_campaign_en"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout15",
            "en_letter_annotated_agenda_environment_council",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout15",
            "nl_verslag_wetsvoorstel_verkoopverbod_energiedranken",
        ),
        [1.00, 1.00, 0.97],
    ),
    (
        (
            "heldout16",
            "Kamerbrief_geannoteerde_agenda_landbouw_en_visserijraad",
        ),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout16", "Kamerbrief_voortgang_programma_veilig_fietsen"),
        [1.00, 0.98, 1.00],
    ),
    (
        (
            "heldout16",
            "Letter_waiting_times_youth_mental_health_care_en",
        ),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout16", "en_explanatory_memorandum_bicycle_tampering"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout16", "nl_motie_snelheid_elektrische_fietsen"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout17",
            "Kamerbrief_antwoorden_kamervragen_sluiting_zwembaden",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout17",
            "Kamerbrief_voortgang_aanpak_vocht_en_schimmel_huurwoningen",
        ),
        [0.98, 0.98, 1.00],
    ),
    (
        ("heldout17", "Letter_offshore_wind_roadmap_progress_en"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout17", "en_answers_questions_offshore_wind_tenders"),
        [0.96, 0.90, 0.92],
    ),
    (("heldout17", "nl_motie_schoolzwemmen"), [1.00, 1.00, 1.00]),
    (
        (
            "heldout18",
            "Kamerbrief_antwoorden_kamervragen_wachtlijsten_jeugd_ggz",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout18",
            "Kamerbrief_stand_van_zaken_renovatie_bruggen_en_sluizen",
        ),
        [0.99, 0.98, 1.00],
    ),
    (
        ("heldout18", "Letter_accessibility_railway_stations_en"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout18", "en_amendment_deposit_return_scheme"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout18", "nl_geannoteerde_agenda_landbouw_visserijraad"),
        [1.00, 0.95, 1.00],
    ),
    (
        ("heldout19", "Kamerbrief_aanpak_schulden_jongeren"),
        [1.00, 0.98, 1.00],
    ),
    (
        (
            "heldout19",
            "Kamerbrief_voortgang_verbetering_slachtofferzorg",
        ),
        [1.00, 0.98, 1.00],
    ),
    (
        (
            "heldout19",
            "Letter_answers_questions_ransomware_municipalities_en",
        ),
        [1.00, 0.96, 1.00],
    ),
    (
        ("heldout19", "en_letter_fibre_broadband_rural_areas"),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout19", "nl_geannoteerde_agenda_ecofin_raad"),
        [1.00, 0.98, 1.00],
    ),
    (
        (
            "heldout20",
            "Kamerbrief_uitvoering_motie_bermbeheer_wilde_bijen",
        ),
        [1.00, 0.97, 1.00],
    ),
    (
        (
            "heldout20",
            "Kamerbrief_voortgang_programma_mondzorg_thuiswonende_ouderen",
        ),
        [1.00, 0.97, 1.00],
    ),
    (
        ("heldout20", "Letter_progress_free_school_meals_pilot_en"),
        [1.00, 0.97, 0.98],
    ),
    (
        (
            "heldout20",
            "en_answers_questions_battery_fires_waste_plants",
        ),
        [0.97, 0.91, 0.94],
    ),
    (
        ("heldout20", "nl_brief_vervanging_luchtalarm_door_nl_alert"),
        [1.00, 0.96, 1.00],
    ),
    (
        (
            "heldout21",
            "Kamerbrief_antwoorden_kamervragen_verdwijnen_geldautomaten",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout21",
            "Kamerbrief_voortgang_aanpak_personeelstekort_kinderopvang",
        ),
        [1.00, 0.97, 0.96],
    ),
    (
        ("heldout21", "Letter_progress_night_train_connections_en"),
        [1.00, 0.98, 1.00],
    ),
    (
        ("heldout21", "en_letter_progress_coastal_sand_nourishment"),
        [1.00, 0.99, 0.97],
    ),
    (
        ("heldout21", "nl_brief_toekomst_kerkgebouwen"),
        [0.96, 0.94, 0.96],
    ),
    (
        ("heldout22", "Kamerbrief_verdeling_middelen_wijkagenten"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout22",
            "Kamerbrief_voortgang_huisartsenzorg_platteland",
        ),
        [1.00, 0.99, 1.00],
    ),
    (
        ("heldout22", "Letter_evaluation_bicycle_parking_stations_en"),
        [1.00, 0.97, 1.00],
    ),
    (
        (
            "heldout22",
            "en_letter_outcome_consultation_flood_insurance",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout22", "nl_vragen_jaarverslag_rijkswegen"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout23", "Brief_gemeente_oefenvluchten_helikopters"),
        [1.00, 1.00, 0.95],
    ),
    (
        ("heldout23", "Kamerbrief_voortgang_aanpak_funderingsschade"),
        [1.00, 0.99, 1.00],
    ),
    (
        ("heldout23", "Letter_progress_reduction_food_waste_en"),
        [0.97, 1.00, 1.00],
    ),
    (
        (
            "heldout23",
            "en_memorandum_reply_speed_limits_recreational_boats",
        ),
        [0.97, 0.96, 1.00],
    ),
    (
        ("heldout23", "nl_brief_briefstemmen_kiezers_buitenland"),
        [0.98, 0.96, 0.96],
    ),
    (
        ("heldout24", "Brief_provincie_fries_in_het_onderwijs"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout24",
            "Kamerbrief_voortgang_aanpak_leegstand_winkelgebieden",
        ),
        [1.00, 0.98, 0.97],
    ),
    (
        (
            "heldout24",
            "Letter_progress_consular_assistance_detained_nationals_en",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout24",
            "en_letter_progress_digital_naturalisation_application",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout24",
            "nl_nota_naar_aanleiding_verslag_waterstofopslag",
        ),
        [1.00, 0.96, 1.00],
    ),
    (
        ("heldout25", "Brief_stichting_voorlichting_orgaandonatie"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout25", "Kamerbrief_voortgang_versterking_reservisten"),
        [1.00, 0.99, 0.99],
    ),
    (
        ("heldout25", "Letter_progress_national_forest_strategy_en"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout25", "en_letter_archiving_government_chat_messages"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout25",
            "nl_brief_vragen_commissie_pensioencommunicatie",
        ),
        [0.97, 0.94, 1.00],
    ),
    (
        ("heldout26", "Brief_waterschap_inspectie_keringen_drones"),
        [1.00, 1.00, 1.00],
    ),
    (
        (
            "heldout26",
            "Kamerbrief_voortgang_aanpak_oplichting_ouderen",
        ),
        [1.00, 1.00, 0.99],
    ),
    (
        (
            "heldout26",
            "Letter_noise_standards_onshore_wind_turbines_en",
        ),
        [1.00, 0.98, 1.00],
    ),
    (
        ("heldout26", "en_letter_digital_post_tax_administration"),
        [1.00, 0.99, 0.97],
    ),
    (
        ("heldout26", "nl_verslag_werkbezoek_wijkverpleging_zeeland"),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout27", "Brief_gemeenteraad_eenzaamheid_ouderen"),
        [1.00, 0.92, 0.94],
    ),
    (
        ("heldout27", "Kamerbrief_voortgang_aanpak_schoolgebouwen"),
        [0.98, 0.98, 0.97],
    ),
    (
        ("heldout27", "Letter_funding_regional_museums_en"),
        [0.95, 1.00, 0.97],
    ),
    (
        (
            "heldout27",
            "en_memorandum_of_amendment_greenhouse_lighting",
        ),
        [1.00, 1.00, 1.00],
    ),
    (
        ("heldout27", "nl_brief_tekort_leerbanen_mbo"),
        [0.98, 0.94, 0.98],
    ),
];

fn gold(corpus: &str, name: &str) -> (Vec<String>, &'static str) {
    let path = repo(&format!(
        "tests/fixtures/corpus/{corpus}/gold/{name}.gold.json"
    ));
    let text = std::fs::read_to_string(path).expect("gold file");
    let segments: Vec<serde_json::Value> = serde_json::from_str(&text).expect("gold JSON");
    let lang = if name.starts_with("en_") || name.ends_with("_en") {
        "en"
    } else {
        "nl"
    };
    (
        segments
            .iter()
            .map(|s| fold(s["text"].as_str().expect("text")))
            .collect(),
        lang,
    )
}

fn segmented(corpus: &str, name: &str, mode: &str, lang: &str) -> Vec<String> {
    let doc = if mode == "pdf" {
        segment_file(
            &repo(&format!("tests/fixtures/corpus/{corpus}/{name}.pdf")),
            Some(lang),
        )
    } else {
        let path = repo(&format!(
            "tests/fixtures/corpus/{corpus}/text/{name}.{mode}.txt"
        ));
        let text = std::fs::read_to_string(path).expect("extracted text");
        segment_text(&text, lang, Layout::Auto)
    };
    doc.segments.iter().map(|s| fold(&s.text)).collect()
}

/// (right, gold, found)
fn score(gold: &[String], found: &[String]) -> (usize, usize, usize) {
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        *wanted.entry(g).or_default() += 1;
    }
    let right = found
        .iter()
        .filter(|f| {
            wanted
                .get_mut(f.as_str())
                .filter(|n| **n > 0)
                .map(|n| *n -= 1)
                .is_some()
        })
        .count();
    (right, gold.len(), found.len())
}

#[test]
fn generated_documents_segment_like_their_gold() {
    let mut below = Vec::new();
    let mut totals: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for &((corpus, name), floors) in FLOORS {
        for (mode, floor) in MODES.into_iter().zip(floors) {
            check_one(corpus, name, mode, floor, &mut below, &mut totals);
        }
    }
    for (mode, (right, g, found)) in totals {
        println!(
            "all ({mode}): F1 {:.3}",
            2.0 * right as f64 / (g + found).max(1) as f64
        );
    }
    assert!(below.is_empty(), "below the floor:\n{}", below.join("\n"));
}

/// Scores one document in one mode, noting a score below its floor.
fn check_one(
    corpus: &str,
    name: &str,
    mode: &'static str,
    floor: f64,
    below: &mut Vec<String>,
    totals: &mut HashMap<&'static str, (usize, usize, usize)>,
) {
    let (gold, lang) = gold(corpus, name);
    let (right, g, found) = score(&gold, &segmented(corpus, name, mode, lang));
    let t = totals.entry(mode).or_default();
    (t.0, t.1, t.2) = (t.0 + right, t.1 + g, t.2 + found);
    let f1 = 2.0 * right as f64 / (g + found).max(1) as f64;
    println!(
        "{corpus}/{name} ({mode}): {right}/{g} right, {found} found, F1 {f1:.3} (floor {floor})"
    );
    if f1 < floor {
        below.push(format!("{corpus}/{name} ({mode}): F1 {f1:.3} < {floor}"));
    }
}

/// The document's page furniture as `pdftotext` prints it: lines that
/// stand on two pages or more, and page numbers (`Pagina 2 van 3`), that
/// are no part of any gold segment.
fn furniture_lines(corpus: &str, name: &str, gold: &[String]) -> Vec<String> {
    let path = repo(&format!(
        "tests/fixtures/corpus/{corpus}/text/{name}.pdftotext.txt"
    ));
    let text = std::fs::read_to_string(path).expect("extracted text");
    let mut pages_of: HashMap<String, usize> = HashMap::new();
    for page in text.split('\u{c}') {
        let mut lines: Vec<String> = page.lines().map(fold).filter(|l| !l.is_empty()).collect();
        lines.sort();
        lines.dedup();
        for line in lines {
            *pages_of.entry(line).or_default() += 1;
        }
    }
    let all_gold = gold.join("\n");
    let page_label = |l: &str| {
        let words: Vec<&str> = l.split(' ').collect();
        matches!(words.as_slice(), [label, a, sep, b]
            if ["Pagina", "Page", "Blad"].contains(label)
                && ["van", "of"].contains(sep)
                && a.parse::<u32>().is_ok()
                && b.parse::<u32>().is_ok())
    };
    pages_of
        .into_iter()
        .filter(|(line, pages)| {
            ((*pages >= 2 && line.chars().count() >= 6) || page_label(line))
                && !all_gold.contains(line.as_str())
        })
        .map(|(line, _)| line)
        .collect()
}

/// No running header, page number, footer or side-column text inside a
/// segment, in any mode.
#[test]
fn no_page_furniture_inside_a_segment() {
    let mut found = Vec::new();
    for &((corpus, name), _) in FLOORS {
        let (gold, lang) = gold(corpus, name);
        let furniture = furniture_lines(corpus, name, &gold);
        for mode in MODES {
            let slips: Vec<String> = segmented(corpus, name, mode, lang)
                .into_iter()
                .filter(|s| furniture.iter().any(|f| s.contains(f.as_str()) && s != f))
                .collect();
            if !slips.is_empty() {
                found.push(format!("{corpus}/{name} ({mode}): {slips:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "furniture inside segments:\n{}",
        found.join("\n")
    );
}
