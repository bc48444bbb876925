import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The browser mode's per-user data folder (autosave, recent files and their copies):
 * NEURAL_PIANO_DATA when set, else the platform's place for application data.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.NEURAL_PIANO_DATA) return env.NEURAL_PIANO_DATA
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'neural-piano')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'neural-piano')
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'neural-piano')
}
