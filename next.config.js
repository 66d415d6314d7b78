/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and PDFium load their WASM (and PGlite its data files) by path; bundling them breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "mammoth", "@embedpdf/pdfium"],
};

module.exports = nextConfig;
