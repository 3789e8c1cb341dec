// A bulleted, numbered or "…" list; each item stays whole on its page.
import { Text, View } from "@react-pdf/renderer";
import { mm, styles } from "../theme.js";

/** Items as siblings, not in a View of their own, so a page break falls cleanly between them. */
export function ListBlock({ items, style }: { items: string[]; style: "bullet" | "number" | "ellipsis" }) {
  return (
    <>
      {items.map((item, i) => (
        <View key={i} style={{ ...styles.listItem, marginBottom: i === items.length - 1 ? mm(2) : styles.listItem.marginBottom }} wrap={false}>
          <Text style={styles.bullet}>{style === "number" ? `${i + 1}.` : style === "ellipsis" ? "…" : "•"}</Text>
          <Text style={styles.listText}>{item}</Text>
        </View>
      ))}
    </>
  );
}
