import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans covers Latin, Greek and Cyrillic with every accent a client's name may carry
 * ("Zoë", "Łucja", "Søren"); PDF's built-in Helvetica covers only Windows-1252.
 */
export const pdfFonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
