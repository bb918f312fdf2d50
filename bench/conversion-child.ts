// The conversion benchmark in a process of its own; sends its result to the parent.
import { runConversion } from './conversion.js';

process.send?.(runConversion({ posts: Number(process.argv[2] ?? 2000) }));
