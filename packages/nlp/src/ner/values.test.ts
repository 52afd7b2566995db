import { describe, expect, it } from "vitest";
import { findValueMentions, mergeValueMentions } from "./values.js";

const found = (text: string) => findValueMentions(text).map((m) => `${m.type}:${m.text}`);

describe("findValueMentions", () => {
  it("finds percentages, money, dates and times", () => {
    expect(found("Oil rose 5.2% to $70.5 million on Friday, Nov. 17, 2017 at 10:30 GMT.")).toEqual([
      "PERCENT:5.2%",
      "MONEY:$70.5 million",
      "DATE:Friday",
      "DATE:Nov. 17, 2017",
      "TIME:10:30 GMT",
    ]);
  });

  it("takes a year only after a preposition, and written-out amounts", () => {
    expect(found("In 2014 the militants paid 2,000 dollars; 1,500 people fled.")).toEqual(["DATE:2014", "MONEY:2,000 dollars"]);
  });

  it("finds nothing in text without values", () => {
    expect(found("Croft said Iraqi forces will not cross the border.")).toEqual([]);
  });
});

describe("mergeValueMentions", () => {
  it("lets a dated value replace a name it covers, and drops a value that clashes with a name", () => {
    const may = { text: "May", type: "PER" as const, start: 3, end: 6, confidence: 0.6 };
    const date = { text: "May 5, 2017", type: "DATE" as const, start: 3, end: 14, confidence: 0.9 };
    expect(mergeValueMentions([may], [date])).toEqual([date]);
    const friday = { text: "Friday", type: "DATE" as const, start: 0, end: 6, confidence: 0.9 };
    const named = { text: "Friday Night Lights", type: "MISC" as const, start: 0, end: 19, confidence: 0.8 };
    expect(mergeValueMentions([named], [friday])).toEqual([named]);
  });
});
