# demo.sh: the script make run feeds to the shell; the kernel echoes each line
echo == demand paging: every first touch of a fresh page is one minor fault
pager 4
echo == a caught segfault: the kernel kills the process and the shell carries on
segv
echo == mmap, mprotect and munmap as the maps of the process show them
mmdemo
echo == two processes: the same virtual address, different contents
iso
echo == processes, memory and fault counters as the shell sees them
ps
free
vmstat
exit
