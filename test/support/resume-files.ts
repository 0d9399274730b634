import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

/** Resume files built from plain text, as the eval, the benchmark and the tests need them. */
export function pdfFromText(text: string, options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A4', margin: 50, ...options, info: { Title: 'Resume' } });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.font('Helvetica').fontSize(10);
    // The standard fonts cover Windows-1252 only: other characters would come out as garbage.
    const printable = text.replace(/[^\n\x20-\x7e\u00a0-\u00ff•–—’‘“”]/g, ' ');
    document.text(printable, { lineGap: 1 });
    document.end();
  });
}

export function docxFromText(text: string): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }],
  });
  return Packer.toBuffer(document);
}
