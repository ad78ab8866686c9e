// pdfmake's own pdfkit document class, reached to find the font class pdfkit opens fonts with.
declare module 'pdfmake/js/PDFDocument' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
