import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_COLUMNS,
  APPLY_COLUMNS,
  REVIEW_BLOCKS,
  applyKey,
  applyRowsOf,
  reviewKey,
  type TemplateId,
} from "@/lib/metrics/dictionary";
import {
  applyRowRoles,
  applyRules,
  arithmeticRules,
  checkArithmetic,
  checkNarrative,
  reviewRules,
  ruleKeys,
} from "@/lib/report/arithmetic";
import { extractDocument } from "@/lib/report/extract";

const FIXTURES = path.resolve(__dirname, "../fixtures");

interface Expected {
  template: TemplateId;
  values: Record<string, number | null>;
}

function expected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8"));
}

async function fixtureText(file: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  const document = await extractDocument(bytes, file);
  if ("error" in document) throw new Error(document.error.message);
  return document.text;
}

/** Every fixture that has table values, by name (dir/stem) with its source file. */
function fixturesWithValues(): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const dir of ["seeds", "real"]) {
    for (const entry of readdirSync(path.join(FIXTURES, dir))) {
      if (!entry.endsWith(".expected.json")) continue;
      const stem = entry.slice(0, -".expected.json".length);
      const name = `${dir}/${stem}`;
      if (Object.keys(expected(name).values).length === 0) continue;
      const source = readdirSync(path.join(FIXTURES, dir)).find(
        (f) => f.startsWith(`${stem}.`) && !f.endsWith(".expected.json"),
      )!;
      out.push({ name, file: `${dir}/${source}` });
    }
  }
  return out;
}

describe("the rules, defined once from the dictionary", () => {
  it("has one ROW_TOTAL per row of 三 and OUTCOME_SUM, BALANCE per column", () => {
    for (const template of ["2021", "2019"] as const) {
      const rules = applyRules(template);
      const count = (id: string) => rules.filter((r) => r.id === id).length;
      expect(count("ROW_TOTAL")).toBe(applyRowsOf(template).length);
      expect(count("OUTCOME_SUM")).toBe(APPLY_COLUMNS.length);
      expect(count("BALANCE")).toBe(APPLY_COLUMNS.length);
    }
    expect(reviewRules()).toHaveLength(REVIEW_BLOCKS.length);
  });

  it("sums every outcome row of the template, and only those, into 总计", () => {
    const rows2021 = applyRowRoles("2021").outcomes;
    const rows2019 = applyRowRoles("2019").outcomes;
    expect(rows2021.length).toBe(rows2019.length + 2);
    const outcomeSum2019 = applyRules("2019").find((r) => r.id === "OUTCOME_SUM")!;
    expect(outcomeSum2019.right).toHaveLength(rows2019.length);
    expect(outcomeSum2019.right.some((key) => key.includes("noCorrection"))).toBe(false);
  });

  it("names only keys of the template", () => {
    for (const template of ["2021", "2019"] as const) {
      const keys = new Set(Object.keys(expected(template === "2019" ? "real/r03" : "real/r04").values));
      for (const rule of arithmeticRules(template)) {
        for (const key of ruleKeys(rule)) expect(keys.has(key)).toBe(true);
      }
    }
  });
});

describe("checkArithmetic", () => {
  it("finds no break in the hand-checked fixtures, except the one r05 prints", () => {
    const checked = fixturesWithValues().filter(({ name }) => name !== "real/r05");
    expect(checked.length).toBeGreaterThan(5);
    for (const { name } of checked) {
      const { template, values } = expected(name);
      expect(checkArithmetic(template, values), name).toEqual([]);
    }
  });

  it("reports r05's two REVIEW_TOTAL breaks with the cells and numbers", () => {
    const { template, values } = expected("real/r05");
    const issues = checkArithmetic(template, values);
    expect(issues.map((i) => i.code)).toEqual(["REVIEW_TOTAL", "REVIEW_TOTAL"]);
    const review = issues.find((i) => i.keys!.includes(reviewKey("review", "total")))!;
    expect(review.severity).toBe("error");
    expect(review.keys).toEqual(expect.arrayContaining([reviewKey("review", "upheld")]));
    expect(review.message).toMatch(/\b0\b/);
    expect(review.message).toMatch(/\b11\b/);
  });

  it("turns a changed cell into the breaks of every rule it is part of", () => {
    const { template, values } = expected("real/r02");
    const roles = applyRowRoles(template);

    const granted = applyKey(roles.outcomes[0], APPLICANT_COLUMNS[0]);
    const outcomeBreak = checkArithmetic(template, { ...values, [granted]: values[granted]! + 1 });
    expect(outcomeBreak.map((i) => i.code).sort()).toEqual(["OUTCOME_SUM", "ROW_TOTAL"]);
    for (const issue of outcomeBreak) expect(issue.keys).toContain(granted);

    const forward = applyKey(roles.carriedForward, "total");
    const balanceBreak = checkArithmetic(template, { ...values, [forward]: values[forward]! + 2 });
    expect(balanceBreak.map((i) => i.code).sort()).toEqual(["BALANCE", "ROW_TOTAL"]);
    const balance = balanceBreak.find((i) => i.code === "BALANCE")!;
    expect(balance.message).toContain(String(values[forward]! + 2 + values[applyKey(roles.handledTotal, "total")]!));
  });

  it("skips a rule with an unknown cell", () => {
    const { template, values } = expected("real/r05");
    const issues = checkArithmetic(template, { ...values, [reviewKey("review", "total")]: null });
    expect(issues.some((i) => i.keys!.includes(reviewKey("review", "total")))).toBe(false);
  });
});

describe("checkNarrative", () => {
  it("reports r09: the prose says 17 applications where the table says 95, keeping 95", async () => {
    const values = expected("real/r09").values;
    const issues = checkNarrative(await fixtureText("real/r09.pdf"), values);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue.code).toBe("NARRATIVE");
    expect(issue.severity).toBe("warning");
    expect(issue.keys).toEqual([applyKey(applyRowRoles("2021").newReceived, "total")]);
    expect(issue.message).toMatch(/17/);
    expect(issue.message).toMatch(/95/);
  });

  it("stays quiet where the prose agrees (received, or received plus carried over)", async () => {
    for (const { name, file } of fixturesWithValues()) {
      if (name === "real/r09") continue;
      const issues = checkNarrative(await fixtureText(file), expected(name).values);
      expect(issues, name).toEqual([]);
    }
  });

  it("compares stated reviews and penalty decisions, but not published notices or comparisons", () => {
    const values = {
      [reviewKey("review", "total")]: 2,
      "active.penalty.decisions": 7,
      [applyKey(applyRowRoles("2021").newReceived, "total")]: 3,
    };
    const codes = (text: string) => checkNarrative(text, values).map((i) => i.keys![0]);
    expect(codes("全年因政府信息公开被申请行政复议5件。")).toEqual([reviewKey("review", "total")]);
    expect(codes("全年作出行政处罚决定12件。")).toEqual(["active.penalty.decisions"]);
    expect(codes("发布行政处罚通报23条。")).toEqual([]);
    expect(codes("2008年以来累计收到政府信息公开申请58件。")).toEqual([]);
    expect(codes("全年共收到政府信息公开申请 3 件。")).toEqual([]);
    // A 司法局 deciding reviews for others: not reviews of its own disclosure decisions.
    expect(codes("全年共办理行政复议案件120件。")).toEqual([]);
    expect(codes("本年新收政府信息公开申请4件，上年结转0件。")).toEqual([
      applyKey(applyRowRoles("2021").newReceived, "total"),
    ]);
  });

  it("reads a count wrapped over lines or printed in full-width digits, and none from the tables", () => {
    const received = applyKey(applyRowRoles("2021").newReceived, "total");
    const codes = (text: string) => checkNarrative(text, { [received]: 3 }).map((i) => i.keys![0]);
    expect(codes("全年共收到政府信息公\n开申请\n12\n件。")).toEqual([received]);
    expect(codes("全年共收到政府信息公开申请１２件。")).toEqual([received]);
    expect(codes("全年共收到政府信息公开申请１，２００件。")).toEqual([received]);
    // A table row is no statement: its numbers carry no unit of count.
    expect(codes("一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t0\t0\t12\n")).toEqual([]);
  });
});
