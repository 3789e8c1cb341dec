// A QR code drawn as vector paths (the qrcode package computes the modules), so it prints sharp at any size.
import { Path, Svg } from "@react-pdf/renderer";
import QRCode from "qrcode";

export function QrCode({ value, size }: { value: string; size: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const quiet = 2; // light margin, in modules, for scanners
  let d = "";
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  const extent = n + 2 * quiet;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${extent} ${extent}`}>
      <Path d={d} fill="#000000" />
    </Svg>
  );
}
