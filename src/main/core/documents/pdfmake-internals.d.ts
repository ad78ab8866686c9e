// pdfmake's own pdfkit document class, reached to find the font class pdfkit opens fonts with.
declare module 'pdfmake/js/PDFDocument' {
  const PDFDocument: unknown;
  export default PDFDocument;
}

// pdfmake's QR encoder: measure() lays a QR node out as a canvas of one rectangle per dark module.
declare module 'pdfmake/js/qrEnc' {
  const qrEncoder: unknown;
  export default qrEncoder;
}
