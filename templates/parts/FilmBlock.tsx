// A step that shows a film: its text, and where the profile gives the film's address, the link and a QR code.
import { Link, Text, View } from "@react-pdf/renderer";
import type { Block } from "../../src/schema/content.js";
import { mm } from "../theme.js";
import { QrCode } from "./QrCode.js";

export function FilmBlock({ block, url, colour }: { block: Extract<Block, { type: "film" }>; url?: string; colour: string }) {
  return (
    <View style={{ flexDirection: "row", alignItems: "center", marginVertical: mm(1.5) }} wrap={false}>
      <Text style={{ color: colour, width: mm(5), fontWeight: 700 }}>→</Text>
      <View style={{ flex: 1 }}>
        <Text>{block.text}</Text>
        {url && <Link src={url} style={{ fontSize: 9, color: colour }}>{url}</Link>}
      </View>
      {url && <QrCode value={url} size={mm(18)} />}
    </View>
  );
}
