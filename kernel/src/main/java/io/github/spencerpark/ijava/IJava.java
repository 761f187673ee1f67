package io.github.spencerpark.ijava;

import dltheory.kernel.runtime.Notebook;

/**
 * IJava's entry point by its old name, for notebooks written for IJava that reach the kernel through
 * {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}: registering a renderer
 * ({@code getRenderer().createRegistration(...)}), running code ({@code eval}, {@code evalRaw}),
 * running or registering magics ({@code getMagics()}). Only this access path is provided, not IJava's
 * kernel classes; see {@link JavaKernel} for what the returned object offers.
 */
public final class IJava {
    private IJava() {
    }

    /** The running kernel, seen through IJava's {@code JavaKernel} methods. */
    public static JavaKernel getKernelInstance() {
        return new JavaKernel(Notebook.getKernelInstance());
    }
}
