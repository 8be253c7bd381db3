/* vm-fetch-spec — vm-fetch plus (build/vsim only, with the reference model in lockstep)
 * the instruction right after an SFENCE.VMA that remapped the running page comes from
 * the new mapping (QEMU 7.2 keeps executing its translated block); and no speculative
 * walks: with Svadu on, the page after a loop or a jump in the last word of a page
 * (mapped with A = 0) gets no walk (HPM_EVENT_ITLB_MISS counts only the loop's page)
 * and its A bit stays 0. The RTL walks only for fetches the program really makes
 * (core_mmu.sv); the spec would allow a speculative A update, so this checks our choice. */
#define VM_FETCH_SPEC 1
#define VM_FETCH_NAME "vm-fetch-spec"
#include "vm-fetch.S"
