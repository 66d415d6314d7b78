/**
 * Characters that print nothing but split words and numbers for every pattern: zero-width spaces
 * and joiners, soft hyphens, word joiners, direction marks, and byte-order marks inside the text.
 * Web editors leave them in pages (&#8203;, &shy;), and copied text carries them along.
 */
const ANY_INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
const INVISIBLE = new RegExp(ANY_INVISIBLE.source, "g");

export function withoutInvisibles(text: string): string {
  return ANY_INVISIBLE.test(text) ? text.replace(INVISIBLE, "") : text;
}
