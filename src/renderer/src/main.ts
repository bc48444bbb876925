import { mount } from 'svelte'
import App from './App.svelte'
import './styles.css'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

// Electron's preload gives the app window.api; a page served by `neural-piano studio` (the browser
// mode) builds its own over HTTP, and shows in the page the menu Electron shows in the window.
const browserMode = !('api' in window)
if (browserMode) (await import('./platform/install.ts')).installWebApi()

export default mount(App, { target, props: { browserMode } })
