#!/usr/bin/env bash
# Builds what a GPU machine with no network and no Node needs to train and measure this project there:
#   .gpu/cli/          the CLI, its workers and the training/generation benchmarks, bundled with every
#                      dependency (scripts/buildCli.mjs --standalone)
#   .gpu/data.tar.xz   the four datasets (train and valid JSON, ~1 MB compressed)
#   .device-pack/      Node, Dawn's WebGPU binding and the Vulkan loader (../shared/tools/gpu/pack.sh)
# Both folders are git-ignored; take them along (carry) and run `bash scripts/gpu/run.sh` there.
# Usage: scripts/gpu/pack.sh [DATA_DIR]   (default ../shared/data: jsb, musedata, nottingham, pianomidi)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/data}
for set in jsb musedata nottingham pianomidi; do
  [ -f "$data/$set/train.json" ] || { echo "missing $data/$set/train.json: give the folder of the four datasets (README, Data)" >&2; exit 1; }
done
tool=../shared/tools/gpu/pack.sh
[ -x "$tool" ] || { echo "missing $tool (the development setup's GPU tools: Node, Dawn and the Vulkan loader for the GPU machine)" >&2; exit 1; }
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
rm -rf .gpu && mkdir -p .gpu
node scripts/buildCli.mjs --standalone .gpu/cli
tar -cJf .gpu/data.tar.xz -C "$data" jsb/train.json jsb/valid.json musedata/train.json musedata/valid.json nottingham/train.json nottingham/valid.json pianomidi/train.json pianomidi/valid.json
[ -f .device-pack/node.xz ] && [ "${REPACK:-0}" != 1 ] || "$tool"
# The NVIDIA Vulkan driver (libGLX_nvidia) needs GLVND's libraries beside the loader: seen failing without
# them on an H200 machine ("Could not get 'vkCreateInstance' ... for ICD libGLX_nvidia.so.0").
lists=/tmp/device-apt-lists
(cd .device-pack/debs && apt-get -oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=$lists download libglvnd0 libegl1 libgl1 libglx0 libopengl0 libgles2 2>&1 | grep -v unsandboxed || true)
du -sh .gpu .device-pack
tracked=$(git ls-files -z | xargs -0 du -cb | tail -1 | cut -f1)
total=$(( tracked + $(du -sb .gpu | cut -f1) + $(du -sb .device-pack | cut -f1) ))
echo "travels: $(( total / 1048576 )) MiB of 64 (tracked tree $(( tracked / 1048576 )) MiB)"
[ "$total" -lt $(( 64 * 1048576 )) ] || { echo "too large to travel" >&2; exit 1; }
