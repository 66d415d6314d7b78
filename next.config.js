/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files by path; bundling it breaks those paths.
  serverExternalPackages: ["@electric-sql/pglite", "mammoth", "unpdf"],
};

module.exports = nextConfig;
