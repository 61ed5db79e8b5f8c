/** Entry of dist/index.js (the GitHub Action): only calls run(). */
import { run } from './main.js';

void run();
