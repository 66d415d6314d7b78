/**
 * The reader version stored with each reading, so readings made by an older reader can be found
 * and redone. It follows the package version.
 */
import packageJson from "../../package.json";

export const READER_VERSION = `disclosure-atlas@${packageJson.version}`;
