# Prints the attack table assembled from the rows each test case saved
# (run as the cleanup of the attack_table fixture, so after every case).
file(GLOB rows "${DIR}/*.row")
list(SORT rows)
set(text "| attack                                               | expected       | observed |\n|---|---|---|\n")
foreach(f ${rows})
  file(READ "${f}" line)
  string(APPEND text "${line}")
endforeach()
list(LENGTH rows n)
message("${text}(${n} rows)")
