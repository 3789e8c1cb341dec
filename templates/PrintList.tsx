// The print list of a workshop (printliste.pdf, and a page of the pack): each file, how many, on what
// paper and sides, how to print it and what to cut. Pure: given the words, it lays them out.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { Palette } from "../src/brand/brandParts.js";
import type { PrintListLabels } from "../src/workshop/needs.js";
import type { EntryWords } from "../src/workshop/words.js";
import { wholeWords } from "./parts/fitWords.js";
import { grey, mm, rule, styles } from "./theme.js";

export interface PrintListRow {
  title: string;
  file: string;
  words: EntryWords;
}

export interface PrintListProps {
  company: string;
  paper: "A4" | "LETTER";
  palette: Palette;
  labels: PrintListLabels;
  /** "Værktøj 2: Sæt dialogen i gang", … */
  tools: string[];
  /** The labels' `people` with the numbers in. */
  people: string;
  rows: PrintListRow[];
  /** "A4: 38 ark", … */
  totals: string[];
  meta: { title: string; subject: string; creationDate: Date };
}

const WIDTHS = ["34%", "13%", "23%", "30%"] as const;

export function PrintListDocument(props: PrintListProps) {
  const { labels, palette } = props;
  const cell = (i: number, bold = false) => ({ width: WIDTHS[i], paddingRight: mm(2), fontSize: 9.5, fontWeight: bold ? 700 : 400 });
  return (
    <Document title={props.meta.title} author={props.company} subject={props.meta.subject} creator="workshopkit" producer="workshopkit" language="da-DK" creationDate={props.meta.creationDate} modificationDate={props.meta.creationDate}>
      <Page size={props.paper} style={styles.page} wrap>
        <View style={{ borderLeftWidth: 4, borderLeftColor: palette.brand, paddingLeft: mm(4), marginBottom: mm(5) }}>
          <Text style={styles.h1}>{labels.title}</Text>
          <Text style={{ fontSize: 12 }}>{`${labels.preparedFor} ${props.company}`}</Text>
          <Text style={{ fontSize: 12 }}>{props.people}</Text>
        </View>
        <Text style={{ ...styles.label, color: palette.ink }}>{labels.tools}</Text>
        {props.tools.map((tool) => (
          <Text key={tool} style={{ marginBottom: mm(0.5) }} hyphenationCallback={wholeWords}>{tool}</Text>
        ))}
        <Text style={{ ...styles.paragraph, marginTop: mm(3) }}>{labels.scale}</Text>
        <View fixed style={{ flexDirection: "row", borderBottomWidth: 1.2, borderBottomColor: palette.brand, paddingBottom: mm(1), marginTop: mm(3) }}>
          {labels.columns.map((c, i) => (
            <Text key={c} style={{ ...cell(i, true), color: grey }}>{c}</Text>
          ))}
        </View>
        {props.rows.map((row) => (
          <View key={row.file} wrap={false} style={{ borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: mm(2) }}>
            <View style={{ flexDirection: "row" }}>
              <View style={{ width: WIDTHS[0], paddingRight: mm(2) }}>
                <Text style={{ fontSize: 9.5, fontWeight: 700 }} hyphenationCallback={wholeWords}>{row.title}</Text>
                <Text style={styles.small}>{row.file}</Text>
              </View>
              <Text style={cell(1, true)}>{row.words.count}</Text>
              <View style={{ width: WIDTHS[2], paddingRight: mm(2) }}>
                <Text style={{ fontSize: 9.5 }}>{row.words.paper}</Text>
                <Text style={{ fontSize: 9.5 }}>{row.words.sides}</Text>
              </View>
              <Text style={cell(3)}>{row.words.print}</Text>
            </View>
            {row.words.cut && <Text style={{ fontSize: 9.5, marginLeft: WIDTHS[0], marginTop: mm(0.8) }}>{row.words.cut}</Text>}
          </View>
        ))}
        {props.totals.length > 0 && (
          <View wrap={false} style={{ marginTop: mm(5) }}>
            <Text style={{ ...styles.label, color: palette.ink }}>{labels.totals}</Text>
            {props.totals.map((t) => (
              <Text key={t}>{t}</Text>
            ))}
          </View>
        )}
      </Page>
    </Document>
  );
}
