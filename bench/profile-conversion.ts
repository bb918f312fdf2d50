// `node --cpu-prof node_modules/.cache/bench/bench/profile-conversion.js [posts]`: the conversion
// benchmark alone, to profile extract + convert.
import { runConversion } from './conversion.js';

console.log(JSON.stringify(runConversion({ posts: Number(process.argv[2] ?? 300) }), null, 2));
