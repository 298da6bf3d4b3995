namespace PortCompliance.Core.Audit;

/// <summary>
/// Works on items on every core and hands the results over in item order, holding at most <c>window</c> results at a
/// time: a worker takes the next item only while the consumer is fewer than <c>window</c> items behind. The consumer
/// runs on the calling thread, alongside the workers, so writing results never stalls the cores.
/// </summary>
internal static class OrderedPipeline
{
    public static void Run<T>(int count, int window, Func<int, T> work, Action<int, T> consume)
    {
        var slots = new T[window];
        var ready = new SemaphoreSlim[window];
        for (var i = 0; i < window; i++)
        {
            ready[i] = new SemaphoreSlim(0, 1);
        }

        using var free = new SemaphoreSlim(window, window);
        var next = -1;
        using var cancel = new CancellationTokenSource();
        Exception? failure = null;
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                while (true)
                {
                    free.Wait(cancel.Token);
                    var item = Interlocked.Increment(ref next);
                    if (item >= count)
                    {
                        free.Release();
                        return;
                    }

                    slots[item % window] = work(item);
                    ready[item % window].Release();
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                cancel.Cancel();
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        try
        {
            for (var item = 0; item < count; item++)
            {
                ready[item % window].Wait(cancel.Token);
                var result = slots[item % window];
                slots[item % window] = default!;
                free.Release();
                consume(item, result);
            }
        }
        catch (OperationCanceledException) when (failure is not null)
        {
        }
        finally
        {
            cancel.Cancel();
            Task.WaitAll(workers);
            foreach (var semaphore in ready)
            {
                semaphore.Dispose();
            }
        }

        if (failure is not null)
        {
            throw new AggregateException(failure);
        }
    }
}
