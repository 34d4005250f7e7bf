#!/usr/bin/env node
// Exit status: 0 = ok; 1 = some inputs failed (or warnings under --strict); 2 = usage error; 130 = interrupted.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv);
