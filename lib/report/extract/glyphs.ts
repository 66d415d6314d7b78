/**
 * Radical code points → ideographs. PDF producers (Chromium with Noto CJK among them) often map a
 * glyph shared by a radical and an ideograph to the radical's code point, so 长沙 comes out as ⻓沙.
 * Kangxi radicals (U+2F00–U+2FD5) have compatibility mappings (NFKC); the radicals supplement
 * (U+2E80–U+2EFF) has none, so the simplified forms that occur in Chinese text are listed here.
 */
const SUPPLEMENT: Record<string, string> = {
  "⺟": "母", "⺠": "民", "⺰": "纟", "⻄": "西", "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝",
  "⻋": "车", "⻌": "辶", "⻐": "钅", "⻓": "长", "⻔": "门", "⻙": "韦", "⻚": "页", "⻛": "风",
  "⻜": "飞", "⻝": "食", "⻠": "饣", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟",
  "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
};
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

export function normalizeRadicals(text: string): string {
  if (!RADICAL.test(text)) return text;
  RADICAL.lastIndex = 0;
  return text.replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? ch.normalize("NFKC"));
}
