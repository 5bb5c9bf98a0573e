// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Start of a FreeRTOS cell: the inmate library has set up the console
 * (and on arm64 the MMU) and calls inmate_main(); the GIC comes up here
 * with the port's handler, the application creates its tasks, and the
 * scheduler takes over for good. Also the kernel's hooks and its heap.
 */
#include <inmate.h>

#include "FreeRTOS.h"
#include "task.h"

#include "port-arch.h"
#include "stockade-port.h"

/*
 * heap_4 takes its memory from here (configAPPLICATION_ALLOCATED_HEAP):
 * in .bss, so the linker places it after the image and start-up code
 * clears it; the cell config's RAM must hold it (see FreeRTOSConfig.h).
 */
uint8_t ucHeap[configTOTAL_HEAP_SIZE] __aligned(16);

void inmate_main(void)
{
	int err = gic_setup(port_irq_handler);

	if (err) {
		printk("FreeRTOS: no usable GIC (%s), not starting\n",
		       gic_name());
		return;
	}
	printk("FreeRTOS %s on Stockade, %s, tick %u Hz, counter %llu Hz\n",
	       tskKERNEL_VERSION_NUMBER, gic_name(), configTICK_RATE_HZ,
	       (unsigned long long)port_counter_frequency());
	app_main();
	vTaskStartScheduler();
	printk("FreeRTOS: scheduler did not start\n");
}

void port_assert_failed(const char *file, int line)
{
	portDISABLE_INTERRUPTS();
	printk("FreeRTOS: assertion failed at %s:%d\n", file, line);
	inmate_halt();
}

void vApplicationMallocFailedHook(void)
{
	portDISABLE_INTERRUPTS();
	printk("FreeRTOS: heap exhausted (configTOTAL_HEAP_SIZE)\n");
	inmate_halt();
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
	(void)task;
	portDISABLE_INTERRUPTS();
	printk("FreeRTOS: stack overflow in task \"%s\"\n", name);
	inmate_halt();
}
