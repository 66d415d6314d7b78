/**
 * Word 97-2003 (.doc) reading in a child process (started by doc.ts): the document's bytes on
 * stdin, `{ "text": body }` or `{ "error": message }` as JSON on stdout.
 *
 * A process of its own because word-extractor, given a damaged file, can grow an array past V8's
 * limit, a fatal error that ends the whole process rather than throwing. Plain JavaScript so that
 * Node runs it without the TypeScript loaders.
 */
import WordExtractor from "word-extractor";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
try {
  const document = await new WordExtractor().extract(Buffer.concat(chunks));
  process.stdout.write(JSON.stringify({ text: document.getBody() }));
} catch (cause) {
  process.stdout.write(JSON.stringify({ error: cause instanceof Error ? cause.message : String(cause) }));
}
