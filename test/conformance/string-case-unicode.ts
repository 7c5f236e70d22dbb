import { defineFilter } from "flbc";

/**
 * toUpperCase() / toLowerCase() with full Unicode case mapping: one code
 * point to several (ß, ligatures, ŉ, Greek with ypogegrammeni), İ, the
 * final-sigma rule, scripts beyond the BMP (Deseret, Osage, Adlam), title
 * case, and what has no case (emoji, CJK, lone surrogates).
 */
export default defineFilter({
  name: "string_case_unicode",
  filter(record) {
    record.sharp_s = "straße".toUpperCase();
    record.ligatures = "ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ ﬓ".toUpperCase();
    record.expansions = "ŉ ǰ ΐ ΰ և ẖ ẗ ẘ ẙ ẚ ᾳ ῳ ᾷ ῗ".toUpperCase();
    record.dotted_i = "İstanbul".toLowerCase();
    record.dotless_i = "ı i".toUpperCase();
    record.sigma_final = "ΟΔΟΣ".toLowerCase();
    record.sigma_medial = "ΣΑΣΑ".toLowerCase();
    record.sigma_alone = "Σ".toLowerCase();
    record.sigma_words = "ΑΣ. ΑΣ'Σ ΑΣ\u0301 Α\u180eΣ Σ1 1Σ".toLowerCase();
    record.deseret = ["𐐀𐐁𐐂".toLowerCase(), "𐐨𐐩𐐪".toUpperCase()];
    record.osage_adlam = ["𐒰𐓘".toUpperCase(), "𐒰𐓘".toLowerCase(), "𞤀𞤢".toUpperCase(), "𞤀𞤢".toLowerCase()];
    record.titlecase = ["ǅ ǈ ǋ ǲ".toUpperCase(), "ǅ ǈ ǋ ǲ".toLowerCase()];
    record.scripts = ["ꭰᏸ Ⴀⴀ ᲐᲑ ⰰ ꙁ ɐ".toUpperCase(), "Ꭰ ᏸ Ⴀ Ა Ⰰ Ꙁ Ɐ ẞ".toLowerCase()];
    record.no_case = ["😀 中文 ١٢٣ ☃".toUpperCase(), "😀 中文 ١٢٣ ☃".toLowerCase()];
    const s = record.s;
    if (typeof s === "string") {
      record.upper = s.toUpperCase();
      record.lower = s.toLowerCase();
      record.lengths = [s.length, s.toUpperCase().length, s.toLowerCase().length];
    }
  },
});
