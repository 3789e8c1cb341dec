// A bulleted, numbered or "…" list; each item stays whole on its page, and no item is left alone
// at the foot or the head of a page (see keepTogether). `lead` (its title) stays with the first items.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { mm, styles } from "../theme.js";
import { keepTogether } from "./keepTogether.js";

/** Groups of items as siblings, not in a View of their own, so a page break falls cleanly between them. */
export function ListBlock({ items, style, lead }: { items: string[]; style: "bullet" | "number" | "ellipsis"; lead?: ReactNode }) {
  const item = (i: number) => (
    <View key={i} style={{ ...styles.listItem, marginBottom: i === items.length - 1 ? mm(2) : styles.listItem.marginBottom }}>
      <Text style={styles.bullet}>{style === "number" ? `${i + 1}.` : style === "ellipsis" ? "…" : "•"}</Text>
      <Text style={styles.listText}>{items[i]}</Text>
    </View>
  );
  return (
    <>
      {keepTogether(items.length).map((group, g) => (
        <View key={g} wrap={false}>
          {g === 0 && lead}
          {group.map(item)}
        </View>
      ))}
    </>
  );
}
