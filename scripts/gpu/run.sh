#!/usr/bin/env bash
# On the GPU machine (after scripts/gpu/pack.sh here; carry .device-pack and .gpu): measures training and
# generation on WebGPU, trains the shipped model there, and writes what comes back under $OUT:
#   run.log            everything printed, with timings
#   bench-train.txt    training frames/s on webgpu per shape and on wasm (one core) in the same run
#   generate.txt       continuation latency per head on webgpu and on wasm, with the new checkpoint
#   main.log, jsb.log  the two training runs
#   model.tar.part-*   the trained checkpoint (float16), tar split in 12 MB parts, refreshed every minute
# Budget: the whole script ends within ~9 minutes (a device command may run 10).
# Environment: MAIN_MINUTES (default 6.0) the main run's training time; INIT (default resources/model);
# DRY_RUN=1 checks the plumbing on any machine with a (software) WebGPU adapter: a 2x32 network, minutes of work.
set -uo pipefail
OUT=${OUT:-/tmp/np-out}
mkdir -p "$OUT"
exec > >(tee -a "$OUT/run.log") 2>&1
started=$(date +%s)
stamp() { echo "[$(( $(date +%s) - started )) s] $*"; }

source .device-pack/prelude.sh
nvidia-smi -L || true
# Dawn finds the NVIDIA Vulkan driver through the loader; where the driver's manifest is not in the
# loader's search path, name it.
for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
  [ -f "$icd" ] && { export VK_DRIVER_FILES=${VK_DRIVER_FILES:-$icd}; break; }
done
# The NVIDIA Vulkan driver lives in libGLX_nvidia, which needs GLVND (libGLdispatch; packed as .debs beside the loader).
egl=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
[ -f $egl ] && export __EGL_VENDOR_LIBRARY_FILENAMES=${__EGL_VENDOR_LIBRARY_FILENAMES:-$egl}
mkdir -p .gpu/cli/node_modules && ln -sfn /tmp/device-node/modules/webgpu .gpu/cli/node_modules/webgpu
data=/tmp/np-data && mkdir -p $data && tar -xJf .gpu/data.tar.xz -C $data
cli() { node .gpu/cli/neural-piano.js "$@"; }

stamp "info"
NEURAL_PIANO_BACKEND=webgpu cli info | tee /tmp/np-info.txt
if ! grep -q '^backend: webgpu on ' /tmp/np-info.txt; then
  stamp "no WebGPU adapter: stopping here. Vulkan drivers and loader:"
  ls -la /usr/share/vulkan/icd.d /etc/vulkan/icd.d /usr/local/nvidia/share/vulkan/icd.d 2>&1; ldconfig -p | grep -i -E 'vulkan|GLdispatch|GLX'; cat /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
  ldd /usr/local/nvidia/lib64/libGLX_nvidia.so.0 2>&1 | head -20; ls /usr/local/nvidia/lib64 | head -50; ls /dev/nvidia* /dev/dri 2>&1
  exit 1
fi

stamp "training throughput"
if [ "${DRY_RUN:-0}" = 1 ]; then
  SHAPES=8x16,16x16 NET="--hidden 32,32" INIT_ARG="" JSB_THREADS=2 BENCH_NET="--hidden 32" MAIN_DATA="--data $data/jsb"
else
  SHAPES=256x64,512x64 NET="--hidden 1024,1024" INIT_ARG="--init ${INIT:-resources/model}" JSB_THREADS=12 BENCH_NET=""
  MAIN_DATA="--data $data/jsb --data $data/musedata --data $data/nottingham --data $data/pianomidi"
fi
timeout 150 node .gpu/cli/bench-train.js --backend webgpu --shapes $SHAPES --blocks 3 --batch 32 --window 32 $BENCH_NET > "$OUT/bench-train.txt" 2>&1
cat "$OUT/bench-train.txt" | grep -v '^\s*at '
# The shape: the fewest lanes within 15% of the best frames/s (more updates per epoch), 256x64 if unmeasured.
read -r LANES WINDOW LR EVAL < <(node -e '
  const line = require("fs").readFileSync(process.argv[1], "utf8").split("\n").find((l) => l.startsWith("BENCH_TRAIN "))
  const rates = line ? JSON.parse(line.slice(12)).webgpu : {}
  const best = Math.max(0, ...Object.values(rates))
  const pick = Object.entries(rates).sort((a, b) => +a[0].split("x")[0] - +b[0].split("x")[0]).find(([, r]) => r >= 0.85 * best)
  const [lanes, window] = (pick ? pick[0] : "256x64").split("x").map(Number)
  // Learning rate by the square root of the batch from 1e-3 at 8192 frames; validation about every 2.4 M frames.
  console.log(lanes, window, (0.001 * Math.sqrt((lanes * window) / 8192)).toFixed(5), Math.max(10, Math.round(2.4e6 / (lanes * window))))
' "$OUT/bench-train.txt")
stamp "main run: ${LANES} lanes x ${WINDOW} steps, lr ${LR}, validation every ${EVAL} updates"

# The JSB-only model for the literature comparison trains on this machine's CPU cores meanwhile (wasm, data-parallel),
# so that it takes nothing from the GPU.
NEURAL_PIANO_BACKEND=wasm timeout $(( 60 * 7 )) node .gpu/cli/neural-piano.js train --data $data/jsb --steps-per-quarter 1 $NET \
  --heads nade,independent --transpose-augment 6 --batch 96 --window 64 --threads $JSB_THREADS --lr 0.002 --warmup 20 --eval-every 25 \
  --max-minutes "${JSB_MINUTES:-6.3}" --out /tmp/np-jsb --work /tmp/np-jsb-work --save-every 2 --seed 2 \
  --notes 'JSB Chorales alone at a quarter note per frame (the literature resolution), transposition augmentation +-6 semitones, on the GPU machine CPU (wasm, 12 threads)' \
  > "$OUT/jsb.log" 2>&1 &
jsb=$!

pack_model() {
  [ -f /tmp/np-main/config.json ] || return 0
  rm -f "$OUT"/model.tmp-* && tar -cf - -C /tmp np-main | split -b 12m - "$OUT/model.tmp-"
  for part in "$OUT"/model.tmp-*; do mv "$part" "${part/model.tmp-/model.tar.part-}"; done
}
( while sleep 50; do pack_model; done ) &
packer=$!

MAIN_MINUTES=${MAIN_MINUTES:-6.0}
NEURAL_PIANO_BACKEND=webgpu timeout $(( 60 * 8 )) node .gpu/cli/neural-piano.js train \
  $MAIN_DATA --steps-per-quarter 2 \
  --heads nade,independent $NET $INIT_ARG --batch "$LANES" --window "$WINDOW" --lr "$LR" --warmup 30 \
  --eval-every "$EVAL" --patience 2 --max-minutes "$MAIN_MINUTES" --out /tmp/np-main --work /tmp/np-main-work --save-every 3 --seed 3 \
  --notes "Trained on WebGPU (tfjs-backend-webgpu on Dawn) from the 4-epoch wasm checkpoint; both heads share the 2x1024 trunk (loss = their sum); ${LANES} lanes x ${WINDOW} steps" \
  > "$OUT/main.log" 2>&1
stamp "main run ended ($?)"
grep -E 'validation|stopped|done|error|Error' "$OUT/main.log" | tail -20
kill $packer 2>/dev/null
pack_model

stamp "generation latency with the new checkpoint"
for backend in webgpu wasm; do
  echo "=== NEURAL_PIANO_BACKEND=$backend" >> "$OUT/generate.txt"
  NEURAL_PIANO_MODEL=/tmp/np-main NEURAL_PIANO_BACKEND=$backend timeout 75 node .gpu/cli/bench-generate.js >> "$OUT/generate.txt" 2>&1
done
grep -v '^\s*at \|BENCH_GENERATE' "$OUT/generate.txt" | tail -30

wait $jsb
stamp "JSB-only run ended"
grep -E 'validation|stopped|done' "$OUT/jsb.log" | tail -8
ls -la "$OUT"
stamp "done"
