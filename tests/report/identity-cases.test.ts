/**
 * The identity step's mechanisms, each on small made-up openings: titles among page chrome,
 * reports without a title, the year covered against stale or garbled dates, and placing the
 * agency with the gazetteer.
 */
import { describe, expect, it } from "vitest";
import { readIdentity } from "@/lib/report/identity";

const codes = (text: string) => readIdentity(text).issues.map((i) => i.code);

describe("agency and year from the title", () => {
  it("skips navigation, dates and labels before the title", () => {
    const text = [
      "无障碍 | 长者版",
      "当前位置: 首页 > 政府信息公开 > 2019年政府信息公开年报",
      "发布日期: 2025-01-20  浏览次数: 12",
      "标题: 宜春市袁州区农业农村局2024年政府信息公开工作年度报告",
      "一、总体情况",
    ].join("\n");
    const id = readIdentity(text);
    expect(id.agency).toBe("宜春市袁州区农业农村局");
    expect(id.year).toBe(2024);
    expect(id.region).toEqual({ code: "360902", province: "江西省", city: "宜春市", county: "袁州区" });
    expect(id.issues).toEqual([]);
  });

  it("cuts the site's name glued before the title", () => {
    expect(readIdentity("湘潭县人民政府门户网站 湘潭县医疗保障局2025年政府信息公开工作年度报告").agency).toBe("湘潭县医疗保障局");
  });

  it("reads a markdown heading and a title broken over lines", () => {
    expect(readIdentity("# 株洲市民政局 2023 年度政府信息公开\n\n工作年度报告\n\n一、总体情况").agency).toBe("株洲市民政局");
    const twoLines = readIdentity("- 1 -\n岳阳市人民政府\n2022 年政府信息公开工作年度报告\n本报告由岳阳市人民政府办公室编制。");
    expect(twoLines.agency).toBe("岳阳市人民政府");
    expect(twoLines.year).toBe(2022);
    expect(readIdentity("益 阳 市 人 民 政 府\n2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告").agency).toBe("益阳市人民政府");
  });

  it("takes the title's year over a statistics period left from the year before", () => {
    const id = readIdentity("绵阳市财政局2024年政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。");
    expect(id.year).toBe(2024);
    expect(codes("绵阳市财政局2024年政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。")).toContain("YEAR_CONFLICT");
  });

  it("reads the year covered, not the year published", () => {
    const id = readIdentity("汕头市教育局2025年政府信息公开工作年度报告\n发布时间:2026年01月15日\n(20251231日)\n一、总体情况");
    expect(id.year).toBe(2025);
  });

  it("reads a year written in Chinese numerals or placed after the title", () => {
    expect(readIdentity("衢州市人民政府办公室\n二〇二三年政府信息公开工作年度报告").year).toBe(2023);
    const after = readIdentity("常德市鼎城区人民政府政府信息公开工作年度报告(2022年度)\n一、总体情况");
    expect(after).toMatchObject({ agency: "常德市鼎城区人民政府", year: 2022 });
    expect(readIdentity("泉州市丰泽区商务局关于2021年度政府信息公开工作的年度报告").agency).toBe("泉州市丰泽区商务局");
  });

  it("reads a report quoted in an official letter, not the letter's subject", () => {
    const text = [
      "关于印发《华容县2023年政府信息公开工作年度报告》的通知",
      "现将《华容县人民政府2023年政府信息公开工作年度报告》印发给你们。",
    ].join("\n");
    expect(readIdentity(text)).toMatchObject({ agency: "华容县人民政府", year: 2023 });
  });

  it("never takes a relative name from a title (我局, 县政府办公室)", () => {
    expect(readIdentity("我局2023年政府信息公开工作年度报告\n本报告由平江县财政局编制。").agency).toBe("平江县财政局");
    expect(readIdentity("市中区人民政府2023年政府信息公开工作年度报告").agency).toBe("市中区人民政府");
    expect(readIdentity("本溪市财政局2023年政府信息公开工作年度报告").agency).toBe("本溪市财政局");
  });

  it("reads a cover page: the title, the year in brackets below it, then the agency alone on its line", () => {
    expect(readIdentity("政府信息公开工作年度报告\n（2023年度）\n湘乡市自然资源局\n根据《条例》……")).toMatchObject({ agency: "湘乡市自然资源局", year: 2023 });
  });

  it("never takes the bare word 政府 of 政府信息公开 for an agency", () => {
    expect(readIdentity("政府信息公开工作年度报告\n根据《条例》……").agency).toBeNull();
  });

  it("reads a title about 政务公开, and a name set off by brackets or a colon", () => {
    expect(readIdentity("湘潭县财政局2023年政务公开工作年度报告\n一、总体情况\n")).toMatchObject({ agency: "湘潭县财政局", year: 2023 });
    for (const title of ["【湘潭县财政局】", "[湘潭县财政局]", "〔湘潭县财政局〕", "湘潭县财政局："]) {
      expect(readIdentity(`${title}2023年政府信息公开工作年度报告\n`), title).toMatchObject({ agency: "湘潭县财政局", year: 2023 });
    }
  });

  it("reads a title that opens with 关于 under the agency's name", () => {
    expect(readIdentity("湘潭县人民政府\n关于2023年度政府信息公开工作年度报告\n")).toMatchObject({ agency: "湘潭县人民政府", year: 2023 });
  });

  it("reads the title's other word orders (年度工作报告, 工作情况报告)", () => {
    expect(readIdentity("桂林市临桂区民政局2022年政府信息公开年度工作报告").agency).toBe("桂林市临桂区民政局");
    expect(readIdentity("现将宜宾市叙州区审计局2021年度政府信息公开工作情况报告如下:").year).toBe(2021);
  });

  it("picks the page's own title when a list of other years' reports comes first", () => {
    const text = [
      "相关链接: 丽江市古城区财政局2022年政府信息公开工作年度报告",
      "丽江市古城区财政局2023年政府信息公开工作年度报告",
      "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。",
    ].join("\n");
    expect(readIdentity(text)).toMatchObject({ agency: "丽江市古城区财政局", year: 2023 });
  });

  it("ignores other reports named in the preamble", () => {
    const text = [
      "根据《江西省人民政府办公厅关于做好2023年度政府信息公开工作年度报告编制工作的通知》要求,",
      "现编制赣县区王母渡镇2024年度政府信息公开工作年度报告。",
      "2024年,我镇在门户网站公开了2023年政府信息公开工作年度报告、预算决算等信息。",
    ].join("\n");
    const id = readIdentity(text);
    expect(id.year).toBe(2024);
    expect(id.agency).toBe("赣县区王母渡镇");
    expect(id.region.code).toBe("360704");
  });
});

describe("agency from the prose when there is no title", () => {
  it("reads 本报告由…编制 and the statistics period", () => {
    const id = readIdentity("本年度报告由遵义市生态环境局根据《条例》编制。所列数据的统计期限为2021年1月1日至2021年12月31日。");
    expect(id.agency).toBe("遵义市生态环境局");
    expect(id.year).toBe(2021);
    expect(id.region.code).toBe("520300");
  });

  it("reads the report named after 现发布", () => {
    const id = readIdentity("根据规定,现发布《温州市龙湾区司法局2023年政府信息公开工作年度报告》,本报告统计数据从2023年1月1日至12月31日。");
    expect(id.agency).toBe("温州市龙湾区司法局");
    expect(id.region.county).toBe("龙湾区");
  });

  it("reads a contact line, a page field or the opening sentence's subject", () => {
    expect(readIdentity("如有疑问,请与南宁市审计局联系(电话:0771-1234567)。\n2022年,我局认真贯彻").agency).toBe("南宁市审计局");
    expect(readIdentity("公开主体:\n天津市河西区民政局\n发布日期:2024-01-10\n2023年,河西区民政局认真贯彻").agency).toBe("天津市河西区民政局");
    expect(readIdentity("一、总体情况\n2023年,赤峰市林业和草原局认真贯彻落实《条例》。").agency).toBe("赤峰市林业和草原局");
    expect(readIdentity("根据《条例》规定,曲靖市麒麟区教育体育局编制了本年度报告。").agency).toBe("曲靖市麒麟区教育体育局");
  });

  it("reads a title printed without its year, the year taken from the statistics period", () => {
    const id = readIdentity("湘潭县医疗保障局政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。");
    expect(id.agency).toBe("湘潭县医疗保障局");
    expect(id.year).toBe(2022);
    // Not a line that merely ends with the phrase inside a sentence.
    expect(readIdentity("一、总体情况\n我局按时发布了政府信息公开工作年度报告\n2022年,我局认真贯彻。").agency).toBeNull();
  });

  it("reads the signature (落款) when nothing before names the agency", () => {
    const body = "2023年政府信息公开工作年度报告\n一、总体情况\n2023年,我局认真贯彻落实《条例》。\n六、其他需要报告的事项\n无。\n";
    expect(readIdentity(`${body}湘潭县医疗保障局\n2024年1月20日`).agency).toBe("湘潭县医疗保障局");
    expect(readIdentity(`${body}湘潭县医疗保障局 二〇二四年一月二十日`).agency).toBe("湘潭县医疗保障局");
    // A line that is more than a name (a sentence ending with a date) signs nothing.
    expect(readIdentity(`${body}本报告由我局于2024年1月20日发布`).agency).toBeNull();
  });

  it("does not take a relative reference (我局, 区卫生健康委) for a name", () => {
    const id = readIdentity("一、总体情况\n2023年,区卫生健康委认真贯彻落实《条例》。");
    expect(id.agency).toBeNull();
    expect(id.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["AGENCY_MISSING"]));
  });

  it("gives the formal name where the text writes it (镇政府 → 镇人民政府)", () => {
    const text = "特向社会公布2021年度马坝镇政府(机关)信息公开年度报告。联系地址:始兴县马坝镇人民政府。";
    expect(readIdentity(text).agency).toBe("马坝镇人民政府");
  });
});

describe("the year from the prose alone", () => {
  it("counts the years the opening sentences speak of", () => {
    expect(readIdentity("一、总体情况\n2022年,我局认真贯彻《条例》。\n(一)主动公开\n2022年,共公开信息30条。2021年为25条。").year).toBe(2022);
    expect(readIdentity("一、总体情况\n截至2024年12月31日,我局共公开信息112条。").year).toBe(2024);
  });
});

describe("missing parts", () => {
  it("reports a missing year and agency instead of guessing", () => {
    const id = readIdentity("一、总体情况\n我局认真贯彻落实《条例》。");
    expect(id.year).toBeNull();
    expect(id.agency).toBeNull();
    expect(id.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["YEAR_MISSING", "AGENCY_MISSING"]));
  });
});

describe("placing the agency", () => {
  const at = (agency: string, rest = "") => readIdentity(`${agency}2024年政府信息公开工作年度报告\n${rest}`);

  it("gives a municipality's district no city and a provincial agency neither city nor county", () => {
    expect(at("北京市通州区教育委员会").region).toEqual({ code: "110112", province: "北京市", city: null, county: "通州区" });
    expect(at("湖南省水利厅").region).toEqual({ code: "430000", province: "湖南省", city: null, county: null });
  });

  it("gives a county governed by its province no city", () => {
    expect(at("仙桃市财政局").region).toEqual({ code: "429004", province: "湖北省", city: null, county: "仙桃市" });
  });

  it("places a township's agency in its county", () => {
    expect(at("海门区四甲镇人民政府").region).toMatchObject({ code: "320614", city: "南通市", county: "海门区" });
    // a township named alone, found under one county only
    expect(at("四甲镇人民政府").region).toMatchObject({ code: "320614", county: "海门区" });
    // a municipality's street office: its district, no city
    expect(at("上海市徐汇区天平路街道办事处").region).toEqual({ code: "310104", province: "上海市", city: null, county: "徐汇区" });
  });

  it("places a city bureau's district branch in that district", () => {
    expect(at("宁波市公安局北仑分局").region).toMatchObject({ code: "330206", county: "北仑区" });
    expect(at("宁波市公安局江北区分局").region).toMatchObject({ code: "330205", county: "江北区" });
  });

  it("does not read a short name inside a word (公安 in 公安局) as a county", () => {
    expect(at("无锡市公安局").region).toEqual({ code: "320200", province: "江苏省", city: "无锡市", county: null });
  });

  it("does not read the tail of an unknown township (口镇 in 大口镇) as another township", () => {
    // 口镇 is a township elsewhere; 大口镇 is not one under 钟祥市
    expect(at("钟祥市大口镇人民政府").region).toMatchObject({ county: "钟祥市" });
  });

  it("reads no place from the country's name before a national body (共和 in 中华人民共和国 is no 共和县)", () => {
    expect(at("中华人民共和国生态环境部").region.code).toBeNull();
    expect(at("中华人民共和国长沙海关").region).toMatchObject({ code: "430100", city: "长沙市" });
    expect(at("共和县人民政府").region).toMatchObject({ code: "632521", county: "共和县" });
  });

  it("takes customs offices, universities and public companies for agencies", () => {
    expect(at("长沙海关")).toMatchObject({ agency: "长沙海关", year: 2024, region: { code: "430100" } });
    expect(at("湘潭大学")).toMatchObject({ agency: "湘潭大学", region: { code: "430300" } });
    expect(at("国网湘潭供电公司")).toMatchObject({ agency: "国网湘潭供电公司", region: { code: "430300" } });
  });

  it("takes a short name inside the name when it holds no other place", () => {
    expect(at("中国人民银行长沙中心支行").region.code).toBe("430100");
    // but not a short name inside an unknown one: 雄安新区 is not 安新县
    expect(at("雄安新区管理委员会").region.code).toBeNull();
  });

  it("takes a place in parentheses as the location", () => {
    expect(at("上海虹桥临空经济示范区(长宁)管理办公室").region.code).toBe("310105");
  });

  it("settles a name found in several places by the places the text mentions", () => {
    expect(at("鼓楼区人民政府", "鼓楼区位于福州市中心。").region).toMatchObject({ code: "350102", city: "福州市" });
    expect(at("鼓楼区人民政府", "地址:鼓楼区中山路1号,电话:025-83311111").region).toMatchObject({ code: "320106", city: "南京市" });
    expect(at("城区人民政府", "城区隶属晋城市。").region.code).toBe("140502");
    expect(at("鼓楼区人民政府", "本报告可在鼓楼区政府网站(www.gulou.gov.cn)下载。").region.code).toBeNull();
    expect(at("鼓楼区人民政府", "电子版见 http://www.fuzhou.gov.cn/gl/ 。").region.code).toBe("350102");
  });

  it("leaves an unresolved shared name empty and says so", () => {
    const id = at("通州区卫生健康委员会");
    expect(id.region).toEqual({ code: null, province: null, city: null, county: null });
    expect(id.issues.map((i) => i.code)).toContain("REGION_AMBIGUOUS");
  });

  it("keeps what ambiguous candidates share", () => {
    const id = at("城关镇人民政府", "城关镇隶属于甘肃省。");
    // several 城关镇 in 甘肃: the province is known, the county is not
    expect(id.region).toEqual({ code: null, province: "甘肃省", city: null, county: null });
    expect(id.issues.map((i) => i.code)).toContain("REGION_AMBIGUOUS");
  });

  it("repairs an OCR misreading of the leading place and reports it", () => {
    const id = at("沪州市人民政府");
    expect(id.agency).toBe("泸州市人民政府");
    expect(id.region).toEqual({ code: "510500", province: "四川省", city: "泸州市", county: null });
    expect(id.issues.map((i) => i.code)).toContain("AGENCY_REPAIRED");
  });

  it("repairs a misread name within the place named before it", () => {
    const id = at("宿迁市沐阳县财政局");
    expect(id.agency).toBe("宿迁市沭阳县财政局");
    expect(id.region.code).toBe("321322");
    // under 重庆 no county looks like 沐阳县: the province is known, the county and its code are not
    const unknown = at("重庆市沐阳县财政局");
    expect(unknown.region).toEqual({ code: null, province: "重庆市", city: null, county: null });
    expect(unknown.issues.map((i) => i.code)).toContain("REGION_UNKNOWN");
  });

  it("places a development zone's committee in its city", () => {
    expect(at("宿迁市高新区管理委员会").region).toEqual({ code: "321300", province: "江苏省", city: "宿迁市", county: null });
  });

  it("says so when the agency names no place at all", () => {
    const id = at("某某管理办公室");
    expect(id.region.code).toBeNull();
    expect(id.issues.map((i) => i.code)).toContain("REGION_UNKNOWN");
  });
});
