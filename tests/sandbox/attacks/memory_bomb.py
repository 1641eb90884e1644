# Grows a list of 16 MiB byte strings until something gives. The memory limit
# must kill it (MLE); a MemoryError means an address-space limit got there first.
blocks = []
try:
    while len(blocks) < 128:  # 2 GiB: a safety net for the host, beyond any box limit
        blocks.append(bytearray(16 << 20))  # zero-filled, so resident
    print("ESCAPED 2 GiB resident", flush=True)
except MemoryError:
    print(f"MEMORYERROR after {len(blocks) * 16} MiB", flush=True)
