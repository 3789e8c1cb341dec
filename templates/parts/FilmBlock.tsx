// A step that shows a film: its text, and where the profile gives the film's address, the link and a QR code;
// where it does not, a line to write the address on (resolve sets `addressLabel` and lists the film as open).
import { Link, Text, View } from "@react-pdf/renderer";
import type { Block } from "../../src/schema/content.js";
import { WRITE_IN } from "../../src/resolve/placeholders.js";
import { mm, TYPE } from "../theme.js";
import { QrCode } from "./QrCode.js";

export function FilmBlock({ block, url, colour }: { block: Extract<Block, { type: "film" }>; url?: string; colour: string }) {
  return (
    <View style={{ flexDirection: "row", alignItems: "flex-start", marginVertical: mm(1.5) }} wrap={false}>
      {/* The arrow on the line it points from: the film's text, not between it and the address. */}
      <Text style={{ color: colour, width: mm(5), fontWeight: 700 }}>→</Text>
      <View style={{ flex: 1 }}>
        <Text>{block.text}</Text>
        {url && <Link src={url} style={{ ...TYPE.note, color: colour }}>{url}</Link>}
        {!url && block.addressLabel && <Text style={{ ...TYPE.note, marginTop: mm(1) }}>{`${block.addressLabel} ${WRITE_IN}${WRITE_IN}`}</Text>}
      </View>
      {url && <QrCode value={url} size={mm(18)} />}
    </View>
  );
}
