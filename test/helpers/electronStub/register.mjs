// node --import ./test/helpers/electronStub/register.mjs out/main/index.js
// loads the built main bundle under plain Node, with 'electron' resolved to the stand-in beside this file.
import { register } from 'node:module'

register('./loader.mjs', import.meta.url)
