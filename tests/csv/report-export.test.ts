import { describe, expect, it } from "vitest";
import { parseCsvObjects, toCsv } from "@/lib/csv";
import {
  LONG_COLUMNS,
  VALUE_ORIGIN_LABELS,
  exportRows,
  metricKeyOfHeader,
  wideColumns,
  type ExportReport,
  type ExportValue,
} from "@/lib/csv/report-export";
import { METRICS, metricKeysOf, metricLabel } from "@/lib/metrics/dictionary";

const report: ExportReport = {
  reportId: 7,
  agencyId: 3,
  agency: "湘潭县医疗保障局",
  kind: "healthcareSecurity",
  kindLabel: "医疗保障局",
  divisionCode: "430321",
  province: "湖南省",
  city: "湘潭市",
  county: "湘潭县",
  year: 2025,
  template: "2021",
  status: "clean",
};

const [first, second, third] = metricKeysOf("2021");
// deliberately out of dictionary order, one recovered
const values: ExportValue[] = [
  { key: third, value: 5, origin: "read" },
  { key: first, value: 12, origin: "read" },
  { key: second, value: -1, origin: "recovered" },
];

describe("wide export", () => {
  it("has one column per metric key, labelled in Chinese with the key", () => {
    const columns = wideColumns();
    const metricHeaders = columns.map((c) => c.label).filter((l) => metricKeyOfHeader(l) !== null);
    expect(metricHeaders).toHaveLength(METRICS.length);
    expect(metricHeaders[0]).toBe(`${metricLabel(METRICS[0].key)} [${METRICS[0].key}]`);
    expect(metricHeaders.map(metricKeyOfHeader)).toEqual(METRICS.map((m) => m.key));
  });

  it("narrows the columns to one template's keys", () => {
    const keys = wideColumns(["2019"]).map((c) => metricKeyOfHeader(c.label)).filter(Boolean);
    expect(keys).toEqual(metricKeysOf("2019"));
  });

  it("writes one row per report with its numbers under their keys and blanks elsewhere", () => {
    const columns = wideColumns(["2021"]);
    const rows = exportRows("wide", report, values);
    expect(rows).toHaveLength(1);
    const { header, rows: parsed } = parseCsvObjects(toCsv(columns, rows));
    const row = parsed[0];
    expect(row["机关"]).toBe("湘潭县医疗保障局");
    expect(row["年度"]).toBe("2025");
    const byKey = Object.fromEntries(header.map((h) => [metricKeyOfHeader(h), row[h]]));
    expect(byKey[first]).toBe("12");
    expect(byKey[second]).toBe("-1"); // a negative number stays a number, no formula guard
    expect(byKey[third]).toBe("5");
    expect(byKey[metricKeysOf("2021")[3]]).toBe("");
  });
});

describe("long export", () => {
  it("writes one row per number in dictionary order with label and origin", () => {
    const rows = exportRows("long", report, values);
    const { rows: parsed } = parseCsvObjects(toCsv(LONG_COLUMNS, rows));
    expect(parsed.map((r) => r["指标键"])).toEqual([first, second, third]);
    expect(parsed.map((r) => r["数值"])).toEqual(["12", "-1", "5"]);
    expect(parsed[0]["指标"]).toBe(metricLabel(first));
    expect(parsed[1]["来源"]).toBe(VALUE_ORIGIN_LABELS.recovered);
    expect(parsed[2]["县（区）"]).toBe("湘潭县");
  });

  it("writes nothing for a report without numbers", () => {
    expect(exportRows("long", report, [])).toEqual([]);
  });
});
