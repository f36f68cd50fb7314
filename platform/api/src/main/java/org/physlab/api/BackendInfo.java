package org.physlab.api;

import java.util.List;

/**
 * What the compute service runs on.
 *
 * @param backend     {@code "CPU"} or {@code "CUDA"}
 * @param accelerator whether the backend is a GPU
 * @param devices     human-readable device names, e.g. {@code "NVIDIA H100 80GB HBM3"} or the CPU model
 * @param blas        the BLAS library in use, e.g. {@code "OpenBLAS 0.3.19"}
 * @param threads     the backend's OpenMP thread count
 * @param dataType    ND4J's default floating-point data type, e.g. {@code "FLOAT"}
 * @param version     the ND4J version
 */
public record BackendInfo(String backend, boolean accelerator, List<String> devices, String blas,
                          int threads, String dataType, String version) {
    public BackendInfo {
        devices = List.copyOf(devices == null ? List.of() : devices);
    }
}
