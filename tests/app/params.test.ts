/** Reading a page's URL parameters: shared links with stale or hostile values still open. */
import { describe, expect, it } from "vitest";
import { MAX_ITEMS, filtersFrom, firstValue, itemKey, itemsFrom, measureFrom, pageFrom } from "@/app/_lib/params";
import { MEASURES } from "@/lib/measures";

describe("filters from the URL", () => {
  it("keeps valid values, typed", () => {
    expect(filtersFrom({ place: "430300", year: "2024", kind: "education", q: " 医保 " })).toEqual({
      place: "430300",
      year: 2024,
      kind: "education",
      q: "医保",
    });
  });

  it("drops bad values instead of failing the page, and leaves no undefined keys behind", () => {
    const filters = filtersFrom({ place: "43", year: "next", kind: "<script>", q: "   " });
    expect(filters).toEqual({});
    expect(Object.keys(filters)).toEqual([]);
    expect(filtersFrom({ year: "1800" })).toEqual({});
  });

  it("reads the first of repeated parameters", () => {
    expect(firstValue({ year: ["2023", "2024"] }, "year")).toBe("2023");
    expect(filtersFrom({ year: ["2023", "2024"] })).toEqual({ year: 2023 });
  });
});

describe("measure and page", () => {
  it("falls back to the page's default measure for an unknown id", () => {
    const [first, second] = MEASURES;
    expect(measureFrom({ measure: second.id }, first.id).id).toBe(second.id);
    expect(measureFrom({ measure: "no-such-measure" }, first.id).id).toBe(first.id);
    expect(measureFrom({}, second.id).id).toBe(second.id);
  });

  it("reads a page number, 1 for anything unreadable", () => {
    expect(pageFrom({ page: "3" })).toBe(3);
    for (const page of ["0", "-2", "1.5", "x", "99999999"]) expect(pageFrom({ page })).toBe(1);
    expect(pageFrom({})).toBe(1);
  });
});

describe("chosen places and agencies", () => {
  it("reads places and agencies, in order", () => {
    expect(itemsFrom({ items: "p:430000,a:12,p:all" })).toEqual([
      { type: "place", code: "430000" },
      { type: "agency", id: 12 },
      { type: "place", code: "all" },
    ]);
  });

  it("drops unreadable and repeated entries", () => {
    expect(itemsFrom({ items: "p:43,x:1,a:,a:7,a:7, a:7 ,p:430000" }).map(itemKey)).toEqual(["a:7", "p:430000"]);
  });

  it("keeps at most the allowed number of items", () => {
    const many = Array.from({ length: MAX_ITEMS + 3 }, (_, i) => `a:${i + 1}`).join(",");
    expect(itemsFrom({ items: many })).toHaveLength(MAX_ITEMS);
  });

  it("writes an item back as it is read", () => {
    for (const key of ["p:430000", "p:all", "a:12"]) expect(itemsFrom({ items: key }).map(itemKey)).toEqual([key]);
  });
});
