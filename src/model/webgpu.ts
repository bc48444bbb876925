import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as tf from './tf.ts'

/** What the WebGPU adapter is, for the status bar, the About box, `info` and the log. */
export interface GpuAdapter {
  /** e.g. "NVIDIA H100 80GB HBM3" (or the vendor and architecture when the driver gives no description). */
  description: string
  /** A software rasteriser such as SwiftShader: correct, but slower than wasm. */
  software: boolean
}

/** The part of WebGPU's adapter this module reads (the DOM typings are not part of a Node build). */
interface AdapterInfo {
  vendor: string
  architecture: string
  description: string
}

interface Adapter {
  info: AdapterInfo
  isFallbackAdapter?: boolean
  limits: Record<string, number>
  requestDevice(descriptor: { requiredLimits: Record<string, number | undefined> }): Promise<unknown>
}

/** The part of Dawn's `webgpu` package we use. */
interface DawnModule {
  create(flags: string[]): { requestAdapter(options: { powerPreference: string }): Promise<Adapter | null> }
  globals: Record<string, unknown>
}

/** Software adapters run WebGPU on the CPU, so wasm beats them; only tests ask for one (NEURAL_PIANO_WEBGPU_SOFTWARE=1). */
function softwareAllowed(): boolean {
  return process.env.NEURAL_PIANO_WEBGPU_SOFTWARE === '1'
}

function describeAdapter(info: AdapterInfo, fallback: boolean): GpuAdapter {
  const software = fallback || info.architecture === 'swiftshader' || /swiftshader|llvmpipe|lavapipe/i.test(info.description)
  const parts = [info.vendor, info.architecture].filter(Boolean).join(' ')
  return { description: info.description || parts || 'unnamed adapter', software }
}

/**
 * On Linux Dawn reaches the GPU through the Vulkan loader. Where libvulkan.so.1 is nowhere to be found,
 * say so without loading Dawn, which would print a warning of its own and take ~0.1 s to find nothing.
 */
function vulkanLoaderMissing(): boolean {
  if (process.platform !== 'linux') return false
  const dirs = [
    ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/lib/x86_64-linux-gnu',
    '/usr/local/lib',
  ]
  return !dirs.some((dir) => existsSync(join(dir, 'libvulkan.so.1')))
}

let adapter: GpuAdapter | undefined

/**
 * Registers tfjs's WebGPU backend under plain Node on Dawn's binding (the `webgpu` package), and returns
 * the adapter it found. tfjs-backend-webgpu registers itself only where `navigator.gpu` exists, and builds
 * its device through it, so we give it Dawn's GPU object and register the backend ourselves, with a device
 * that asks for the adapter's full limits (the 2x1024 LSTM's weight buffers exceed the defaults).
 * Throws (with the reason in plain words) where there is no usable adapter.
 */
export async function registerWebGpu(): Promise<GpuAdapter> {
  if (adapter) return adapter
  if (vulkanLoaderMissing()) throw new Error('no Vulkan loader (libvulkan.so.1; Debian/Ubuntu: apt install libvulkan1)')
  const dawn = (await import(/* @vite-ignore */ 'webgpu' as string)) as DawnModule
  Object.assign(globalThis, dawn.globals)
  // A CommonJS package: bundlers may put its exports under `default`.
  const backendModule = (await import('@tensorflow/tfjs-backend-webgpu')) as typeof import('@tensorflow/tfjs-backend-webgpu') & {
    default?: typeof import('@tensorflow/tfjs-backend-webgpu')
  }
  const WebGPUBackend = backendModule.WebGPUBackend ?? backendModule.default?.WebGPUBackend
  const gpu = dawn.create([])
  const found = await gpu.requestAdapter({ powerPreference: 'high-performance' })
  if (!found) throw new Error('no WebGPU adapter (no GPU with a Vulkan, Metal or Direct3D 12 driver)')
  const described = describeAdapter(found.info, found.isFallbackAdapter === true)
  if (described.software && !softwareAllowed()) throw new Error(`only a software adapter (${described.description}), slower than wasm`)
  const limits = found.limits
  const device = await found.requestDevice({
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
      // Concatenating a block's 64 steps takes fewer passes with more inputs per shader.
      maxStorageBuffersPerShaderStage: limits.maxStorageBuffersPerShaderStage,
    },
  })
  // The backend checks for navigator.gpu when it is constructed.
  const nav = ((globalThis as { navigator?: object }).navigator ??= {})
  Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true })
  tf.registerBackend('webgpu', () => new WebGPUBackend(device as never, found.info as never))
  adapter = described
  return adapter
}
